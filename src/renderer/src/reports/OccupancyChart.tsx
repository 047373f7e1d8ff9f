/**
 * The occupancy chart, drawn with uPlot: a time-series chart of about 50 kB that draws thousands of
 * points on a canvas in a few milliseconds, so a month of hourly buckets redraws at once as the
 * window is resized. (Recharts, the React-native choice, is several times the size for a chart we
 * draw once.) A canvas says nothing to a screen reader: the same figures follow as a table.
 */
import { format } from 'date-fns'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import uPlot from 'uplot'
import 'uplot/dist/uPlot.min.css'
import type { OccupancyReport } from '../../../shared/contract/reports'
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

export function OccupancyChart({ report, label }: { report: OccupancyReport; label: string }) {
  const { t, i18n } = useTranslation()
  const box = useRef<HTMLDivElement>(null)

  useEffect(() => {
    const el = box.current
    if (!el) return
    const width = () => Math.max(280, el.clientWidth)
    // Day before month, as everywhere on the desk.
    const pattern = report.bucket === 'hour' ? 'd MMM HH:mm' : 'd MMM'
    const plot = new uPlot(
      {
        width: width(),
        height: 260,
        cursor: { drag: { x: false, y: false } },
        scales: { y: { range: (_u, _min, max) => [0, Math.max(1, Math.ceil(max * 1.1))] } },
        axes: [
          { values: (_u, splits) => splits.map((s) => format(new Date(s * 1000), pattern)) },
          { label: t('reports.chart.units'), size: 50 },
        ],
        series: [
          {
            label: t('reports.chart.from'),
            value: (_u, v) => (v === null ? '—' : format(new Date(v * 1000), pattern)),
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
    return () => {
      resize.disconnect()
      plot.destroy()
    }
    // The legend and axes are drawn once: a language switch draws them again.
  }, [report, t, i18n.language])

  return (
    <div ref={box} className={styles.chart} role="img" aria-label={label} data-testid="occupancy-chart" />
  )
}
