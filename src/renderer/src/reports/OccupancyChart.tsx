/**
 * The occupancy chart, drawn with uPlot: a time-series chart of about 50 kB that draws thousands of
 * points on a canvas in a few milliseconds, so a month of hourly buckets redraws at once as the
 * window is resized. (Recharts, the React-native choice, is several times the size for a chart we
 * draw once.) A canvas says nothing to a screen reader: the same figures follow as a table.
 */
import { observer } from 'mobx-react-lite'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import uPlot from 'uplot'
import 'uplot/dist/uPlot.min.css'
import type { OccupancyReport } from '../../../shared/contract/reports'
import { formatDayMonth, formatTime } from '../../../shared/format'
import { formatDigits } from '../../../shared/labels'
import { localeOf } from '../../../shared/locale/display'
import styles from './reports.module.css'

const COLOURS = {
  occupied: '#2563eb',
  peak: '#1e3a8a',
  reserved: '#f59e0b',
  inService: '#0f766e',
}

export function chartData(report: OccupancyReport): uPlot.AlignedData {
  const b = report.buckets
  return [
    b.map((x) => Date.parse(x.start) / 1000),
    b.map((x) => x.occupied.average),
    b.map((x) => x.occupied.peak),
    b.map((x) => x.reserved.average),
    b.map((x) => Math.round((x.total.average - x.maintenance.average) * 100) / 100),
  ]
}

export const OccupancyChart = observer(function OccupancyChart({
  report,
  label,
}: {
  report: OccupancyReport
  label: string
}) {
  const { t } = useTranslation()
  const box = useRef<HTMLDivElement>(null)
  // Read here, so a switch of language or digits draws the chart again (its words are on a canvas).
  const { language, digits } = localeOf()

  useEffect(() => {
    const el = box.current
    if (!el) return
    const width = () => Math.max(280, el.clientWidth)
    // Day before month, as everywhere on the desk, in the desk's language and digits.
    const when = (seconds: number) => {
      const d = new Date(seconds * 1000)
      return report.bucket === 'hour' ? `${formatDayMonth(d)} ${formatTime(d)}` : formatDayMonth(d)
    }
    // The canvas is drawn in the desk's own fonts (Bangla in the bundled Noto Sans Bengali), not uPlot's.
    const family = getComputedStyle(el).fontFamily
    const axis = { font: `12px ${family}`, labelFont: `600 12px ${family}` }
    const plot = new uPlot(
      {
        width: width(),
        height: 260,
        cursor: { drag: { x: false, y: false } },
        scales: { y: { range: (_u, _min, max) => [0, Math.max(1, Math.ceil(max * 1.1))] } },
        axes: [
          { ...axis, space: 70, values: (_u, splits) => splits.map(when) },
          {
            ...axis,
            label: t('reports.chart.units'),
            size: 50,
            values: (_u, splits) => splits.map((v) => formatDigits(v)),
          },
        ],
        series: [
          {
            label: t('reports.chart.from'),
            value: (_u, v) => (v === null ? '—' : when(v)),
          },
          {
            label: t('reports.chart.occupiedAverage'),
            stroke: COLOURS.occupied,
            fill: 'rgba(37, 99, 235, 0.12)',
            width: 2,
          },
          { label: t('reports.chart.occupiedPeak'), stroke: COLOURS.peak, dash: [4, 4], width: 1.5 },
          { label: t('reports.chart.reservedAverage'), stroke: COLOURS.reserved, width: 1.5 },
          {
            label: t('reports.chart.inService'),
            stroke: COLOURS.inService,
            width: 1.5,
            paths: uPlot.paths.stepped!({ align: 1 }),
          },
        ],
      },
      chartData(report),
      el,
    )
    const resize = new ResizeObserver(() => plot.setSize({ width: width(), height: 260 }))
    resize.observe(el)
    // A canvas does not wait for a web font: once the Bangla face has loaded, draw the words again.
    let live = true
    void document.fonts.ready.then(() => live && plot.redraw(false, true))
    return () => {
      live = false
      resize.disconnect()
      plot.destroy()
    }
  }, [report, t, language, digits])

  return (
    <div ref={box} className={styles.chart} role="img" aria-label={label} data-testid="occupancy-chart" />
  )
})
