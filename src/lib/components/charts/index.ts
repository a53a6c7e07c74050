export { default as Chart } from './Chart.svelte';
export type { ChartKind, ChartProps, ChartReference, ChartSeries } from './config';
