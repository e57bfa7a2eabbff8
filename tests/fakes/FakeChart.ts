import { formatAddress } from './cellAddress';
import { FakeClientObject } from './FakeClientObject';
import { FakeCollection } from './FakeCollection';
import type { FakeChart, FakeSeries, FakeSheet } from './FakeModels';
import { FakeOfficeError } from './FakeOfficeError';
import { assertSheetWritable, type FakeRange } from './FakeRange';
import type { FakeRequestContext } from './FakeRequestContext';

function addressOf(range: FakeRange): string {
  const ref = range.ref();
  return formatAddress(ref.sheet.name, ref.block);
}

/** `worksheet.charts`: `add(type, source, seriesBy)` makes one series per column of the source range. */
export class FakeChartCollection extends FakeCollection<FakeChart, FakeChartProxy> {
  constructor(
    context: FakeRequestContext,
    private readonly sheet: () => FakeSheet,
  ) {
    super(context);
  }

  protected models(): FakeChart[] {
    return [...this.sheet().charts];
  }

  protected itemFor(model: FakeChart): FakeChartProxy {
    return new FakeChartProxy(this.context, () => model, this.sheet);
  }

  add(type: string, sourceData: FakeRange, seriesBy: string = 'Auto'): FakeChartProxy {
    let created: FakeChart | null = null;
    this.command({ addChart: type, seriesBy }, () => {
      const sheet = this.sheet();
      assertSheetWritable(sheet);
      const ref = sourceData.ref();
      const series: FakeSeries[] = [];
      for (let c = ref.block.col0; c <= ref.block.col1; c++) {
        series.push({
          name: `Series${series.length + 1}`,
          values: formatAddress(ref.sheet.name, { ...ref.block, col0: c, col1: c }),
          xValues: null,
          chartType: null,
          axisGroup: 'Primary',
          color: null,
        });
      }
      created = {
        id: this.context.model.newId('chart'),
        type,
        title: '',
        series,
        position: null,
        categoryReversed: false,
        valueAxisFormat: null,
      };
      sheet.charts.push(created);
    });
    return new FakeChartProxy(
      this.context,
      () => {
        if (created === null) throw new FakeOfficeError('ItemNotFound', 'The chart was not added.');
        return created;
      },
      this.sheet,
    );
  }
}

/** The fake `Excel.Chart`: title, series, axes and position. */
export class FakeChartProxy extends FakeClientObject {
  constructor(
    context: FakeRequestContext,
    private readonly chart: () => FakeChart,
    private readonly sheet: () => FakeSheet,
  ) {
    super(context);
  }

  protected readProperty(name: string): unknown {
    if (name === 'id') return this.chart().id;
    if (name === 'name') return this.chart().id;
    throw new FakeOfficeError('InvalidArgument', `The fake chart has no property "${name}".`);
  }

  private edit(payload: unknown, change: (chart: FakeChart) => void): void {
    this.command(payload, () => {
      assertSheetWritable(this.sheet());
      change(this.chart());
    });
  }

  get title(): { text: string } {
    const edit = this.edit.bind(this);
    return {
      set text(value: string) {
        edit({ title: value }, (chart) => {
          chart.title = value;
        });
      },
    };
  }

  get axes(): { categoryAxis: { reversePlotOrder: boolean }; valueAxis: { numberFormat: string } } {
    const edit = this.edit.bind(this);
    return {
      categoryAxis: {
        set reversePlotOrder(value: boolean) {
          edit({ reversePlotOrder: value }, (chart) => {
            chart.categoryReversed = value;
          });
        },
      },
      valueAxis: {
        set numberFormat(value: string) {
          edit({ numberFormat: value }, (chart) => {
            chart.valueAxisFormat = value;
          });
        },
      },
    };
  }

  get series(): { add(name?: string): FakeSeriesProxy; getItemAt(index: number): FakeSeriesProxy } {
    const edit = this.edit.bind(this);
    const chart = this.chart.bind(this);
    return {
      add: (name?: string) => {
        let created: FakeSeries | null = null;
        edit({ addSeries: name }, (model) => {
          created = {
            name: name ?? '',
            values: null,
            xValues: null,
            chartType: null,
            axisGroup: 'Primary',
            color: null,
          };
          model.series.push(created);
        });
        return new FakeSeriesProxy(edit, () => {
          if (created === null) throw new FakeOfficeError('ItemNotFound', 'The series was not added.');
          return created;
        });
      },
      getItemAt: (index: number) =>
        new FakeSeriesProxy(edit, () => {
          const series = chart().series[index];
          if (series === undefined)
            throw new FakeOfficeError('ItemNotFound', `The chart has no series ${index}.`);
          return series;
        }),
    };
  }

  get legend(): { visible: boolean } {
    const edit = this.edit.bind(this);
    return {
      set visible(value: boolean) {
        edit({ legendVisible: value }, () => undefined);
      },
      get visible() {
        return true;
      },
    };
  }

  setPosition(startCell: FakeRange | string, endCell?: FakeRange | string): void {
    this.edit({ setPosition: true }, (chart) => {
      const start = typeof startCell === 'string' ? startCell : addressOf(startCell);
      const end = endCell === undefined ? null : typeof endCell === 'string' ? endCell : addressOf(endCell);
      chart.position = { start, end };
    });
  }

  delete(): void {
    this.command({ deleteChart: true }, () => {
      const sheet = this.sheet();
      assertSheetWritable(sheet);
      sheet.charts = sheet.charts.filter((c) => c !== this.chart());
    });
  }
}

/** A chart series: name, values, category (x) values, type, axis group and fill colour. */
export class FakeSeriesProxy {
  constructor(
    private readonly edit: (payload: unknown, change: (chart: FakeChart) => void) => void,
    private readonly series: () => FakeSeries,
  ) {}

  private set<K extends keyof FakeSeries>(key: K, value: () => FakeSeries[K]): void {
    this.edit({ [key]: 'set' }, () => {
      this.series()[key] = value();
    });
  }

  set name(value: string) {
    this.set('name', () => value);
  }
  set chartType(value: string) {
    this.set('chartType', () => value);
  }
  set axisGroup(value: 'Primary' | 'Secondary') {
    this.set('axisGroup', () => value);
  }
  setValues(range: FakeRange): void {
    this.set('values', () => addressOf(range));
  }
  setXAxisValues(range: FakeRange): void {
    this.set('xValues', () => addressOf(range));
  }
  get format(): { fill: { setSolidColor(color: string): void; clear(): void } } {
    return {
      fill: {
        setSolidColor: (color: string) => {
          this.set('color', () => color);
        },
        clear: () => {
          this.set('color', () => 'none');
        },
      },
    };
  }
  /** Value labels: only recorded as a command. */
  set hasDataLabels(value: boolean) {
    this.edit({ hasDataLabels: value }, () => undefined);
  }
  get dataLabels(): { showValue: boolean; numberFormat: string } {
    return { showValue: false, numberFormat: 'General' };
  }
}
