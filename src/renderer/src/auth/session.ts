import { makeAutoObservable, runInAction } from 'mobx'
import type { AdoptReport } from '../../../shared/contract/adopt'
import type { AppStatus, PublicUser } from '../../../shared/contract/auth'
import type { DeskError } from '../../../shared/errors'
import { asDeskError, call, transport } from '../api/client'
import { applyUserPreferences } from '../shell/language'

export type Phase = 'loading' | 'setup' | 'login' | 'ready' | 'unreachable'

/** Who is signed in, and whether the desk still needs its first administrator. */
export class SessionStore {
  phase: Phase = 'loading'
  status: AppStatus | null = null
  user: PublicUser | null = null
  error: DeskError | null = null
  busy = false
  /** What adopting an existing RapidCare database did, shown before the first sign-in. */
  adopted: AdoptReport | null = null
  /** The encrypted database's recovery code, shown once after the first administrator is made. */
  recoveryCode: string | null = null

  constructor() {
    makeAutoObservable(this)
  }

  async start(): Promise<void> {
    try {
      const status = await call('auth.status', {})
      runInAction(() => {
        this.status = status
      })
      if (status.needsSetup) {
        runInAction(() => {
          this.phase = 'setup'
        })
        return
      }
      if (!transport().mayHaveSession()) {
        runInAction(() => {
          this.phase = 'login'
        })
        return
      }
      try {
        const user = await call('auth.me', {})
        await applyUserPreferences()
        runInAction(() => {
          this.user = user
          this.phase = 'ready'
        })
        await this.refreshStatus()
      } catch {
        runInAction(() => (this.phase = 'login'))
      }
    } catch (err) {
      runInAction(() => {
        this.error = asDeskError(err)
        this.phase = 'unreachable'
      })
    }
  }

  private async run(fn: () => Promise<void>): Promise<boolean> {
    this.busy = true
    this.error = null
    try {
      await fn()
      return true
    } catch (err) {
      runInAction(() => (this.error = asDeskError(err)))
      return false
    } finally {
      runInAction(() => (this.busy = false))
    }
  }

  setupAdmin(input: {
    name: string
    email: string
    password: string
    phone?: string
    setupCode: string
  }): Promise<boolean> {
    return this.run(async () => {
      const admin = await call('auth.setupAdmin', input)
      runInAction(() => {
        if (this.status) this.status.needsSetup = false
        // The recovery code is shown once, before sign-in; only main ever had it before this.
        if (admin.recoveryCode) this.recoveryCode = admin.recoveryCode
        else this.phase = 'login'
      })
    })
  }

  /** The administrator has kept the recovery code: forget it here, and go on to sign in. */
  recoveryCodeKept(): void {
    this.recoveryCode = null
    this.phase = 'login'
  }

  /** First run: adopt an existing RapidCare back-end database into this desk instead of starting empty. */
  adoptLegacy(path: string, setupCode: string): Promise<boolean> {
    return this.run(async () => {
      const report = await call('adopt.legacy', { path, setupCode })
      runInAction(() => {
        if (this.status) this.status.needsSetup = false
        this.adopted = report
      })
    })
  }

  /** Leave the adoption report for the sign-in screen. */
  finishAdoption(): void {
    this.adopted = null
    this.phase = 'login'
  }

  login(email: string, password: string): Promise<boolean> {
    return this.run(async () => {
      const { user } = await call('auth.login', { email, password })
      await applyUserPreferences()
      runInAction(() => {
        this.user = user
        this.phase = 'ready'
      })
      await this.refreshStatus()
    })
  }

  /** Signed in, the status says more (an administrator sees where the database lies). */
  private async refreshStatus(): Promise<void> {
    try {
      const status = await call('auth.status', {})
      runInAction(() => (this.status = status))
    } catch {
      // The status from before sign-in still holds what every screen needs.
    }
  }

  async logout(): Promise<void> {
    try {
      await call('auth.logout', {})
    } finally {
      runInAction(() => {
        this.user = null
        this.phase = 'login'
        this.error = null
      })
    }
  }

  /** A call came back UNAUTHENTICATED (session ended elsewhere): back to the login screen. */
  expired(): void {
    this.user = null
    this.phase = 'login'
  }

  clearError(): void {
    this.error = null
  }
}
