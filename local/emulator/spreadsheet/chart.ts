import { guarded } from '../guard';

export interface RecordedChart {
  type: string;
  ranges: string[];
  position: [number, number];
  options: Record<string, unknown>;
}

/** Sheet.newChart(): the chart is recorded (type, data ranges, position), not drawn. */
export class EmuChartBuilder {
  readonly proxy: GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;
  private chart: RecordedChart = { type: 'COLUMN', ranges: [], position: [1, 1], options: {} };

  constructor() {
    this.proxy = guarded(this, 'EmbeddedChartBuilder');
  }

  setChartType(type: GoogleAppsScript.Charts.ChartType) {
    this.chart.type = String(type);
    return this.proxy;
  }
  addRange(range: GoogleAppsScript.Spreadsheet.Range) {
    this.chart.ranges.push(range.getA1Notation());
    return this.proxy;
  }
  setPosition(anchorRowPos: number, anchorColPos: number, _offsetX: number, _offsetY: number) {
    this.chart.position = [anchorRowPos, anchorColPos];
    return this.proxy;
  }
  setOption(option: string, value: unknown) {
    this.chart.options[option] = value;
    return this.proxy;
  }
  build() {
    return { chart: { ...this.chart } } as unknown as GoogleAppsScript.Spreadsheet.EmbeddedChart;
  }
}

export const ChartsService = {
  ChartType: { COLUMN: 'COLUMN', BAR: 'BAR', LINE: 'LINE', PIE: 'PIE', AREA: 'AREA', COMBO: 'COMBO' },
};
