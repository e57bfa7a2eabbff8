import JSZip from 'jszip';
import { FileWorkbookHost } from '../../../src/host/file/FileWorkbookHost';
import { sheetPartsByName } from '../../../src/host/file/addChartsToXlsx';
import { sampleWorkbookToXlsx } from '../../../src/host/file/sampleWorkbookToXlsx';
import { runAnalysis } from '../../../src/host/runAnalysis';
import { buildSampleWorkbook } from '../../../src/sample/buildSampleWorkbook';

// The written .xlsx itself: what Excel and LibreOffice read.

async function partsOf(bytes: Uint8Array): Promise<{ zip: JSZip; sheets: Map<string, string> }> {
  const zip = await JSZip.loadAsync(bytes);
  return { zip, sheets: await sheetPartsByName(zip) };
}

async function chartsOfSheet(zip: JSZip, sheetPart: string): Promise<string[]> {
  const rels = await zip.file(sheetPart.replace(/([^/]+)$/u, '_rels/$1.rels'))!.async('string');
  const drawing = /Target="\.\.\/drawings\/(drawing\d+\.xml)"/u.exec(rels)![1]!;
  const drawingRels = await zip.file(`xl/drawings/_rels/${drawing}.rels`)!.async('string');
  const charts = [...drawingRels.matchAll(/Target="\.\.\/charts\/(chart\d+\.xml)"/gu)].map((m) => m[1]!);
  return Promise.all(charts.map((chart) => zip.file(`xl/charts/${chart}`)!.async('string')));
}

describe('the written workbook of the English sample', () => {
  let zip: JSZip;
  let sheets: Map<string, string>;
  beforeAll(async () => {
    const host = await FileWorkbookHost.fromXlsx(
      await sampleWorkbookToXlsx(buildSampleWorkbook('en')),
      'sample.xlsx',
    );
    await runAnalysis(host, { language: 'en' });
    ({ zip, sheets } = await partsOf(await host.toBuffer()));
  });

  test('the pyramid chart part is centred stacked bars: padding without fill, then the tier bar', async () => {
    const charts = await chartsOfSheet(zip, sheets.get('Pyramid')!);
    const pyramids = charts.filter((xml) => xml.includes('<c:grouping val="stacked"/>'));
    expect(pyramids).toHaveLength(2);
    for (const xml of pyramids) {
      expect(xml).toContain('<c:barDir val="bar"/>');
      expect(xml).toContain('<c:overlap val="100"/>');
      expect(xml).toMatch(/<c:gapWidth val="\d+"\/>/u);
      const series = [...xml.matchAll(/<c:ser>([\s\S]*?)<\/c:ser>/gu)].map((m) => m[1]!);
      expect(series[0]).toMatch(
        /^<c:idx val="0"\/>.*?<\/c:tx><c:spPr><a:noFill\/><a:ln><a:noFill\/><\/a:ln><\/c:spPr>/u,
      );
      expect(series[1]).toMatch(/^<c:idx val="1"\/>.*?<\/c:tx><c:spPr><a:solidFill>/u);
      expect(series[1]).toContain('<c:showVal val="1"/>');
      expect(xml).toMatch(/<c:catAx>.*?<c:orientation val="maxMin"\/>/u);
    }
  });

  test('the SVCD chart part is a scatter with dashed threshold lines', async () => {
    const [xml] = await chartsOfSheet(zip, sheets.get('SVCD matrix')!);
    expect(xml).toContain('<c:scatterChart>');
    expect(xml!.match(/<a:prstDash val="dash"\/>/gu)).toHaveLength(2);
    expect(xml).not.toContain('<c:lineChart>');
  });

  test('every summary sheet prints one page wide on A4, wrapped rows have their height', async () => {
    for (const name of ['Pyramid', 'SVCD matrix', 'ABC Pareto', 'RFM', 'Visit plan', 'Data issues']) {
      const xml = await zip.file(sheets.get(name)!)!.async('string');
      expect(xml).toContain('<pageSetUpPr fitToPage="1"/>');
      expect(xml).toMatch(/<pageSetup [^>]*paperSize="9"[^>]*fitToWidth="1" fitToHeight="0"/u);
      expect(xml).toMatch(/<row r="5" [^>]*ht="\d+(\.\d+)?" customHeight="1"/u);
    }
    const pyramid = await zip.file(sheets.get('Pyramid')!)!.async('string');
    expect(pyramid).toMatch(/<rowBreaks count="1" manualBreakCount="1"><brk id="\d+"/u);
    // The charts' data below the charts is not printed; the print area is absolute (LibreOffice needs that).
    const workbook = await zip.file('xl/workbook.xml')!.async('string');
    expect(workbook).toMatch(
      /<definedName name="_xlnm.Print_Area" localSheetId="\d+">&apos;Pyramid&apos;!\$A\$1:\$[A-Z]+\$\d+<\/definedName>/u,
    );
  });
});

describe('a customers sheet built from sales', () => {
  test('has filter buttons over its header and every customer row', async () => {
    const csv = ['Customer ID,Date,Amount', 'A,2024-01-01,10', 'B,2024-01-02,20', 'C,2024-01-03,30'].join(
      '\n',
    );
    const host = FileWorkbookHost.fromCsv(csv, 'sales.csv');
    const run = await runAnalysis(host, {});
    const { zip, sheets } = await partsOf(await host.toBuffer());
    const xml = await zip.file(sheets.get('Customers (analysis)')!)!.async('string');
    const width = 3 + run.plan.columns.length;
    const last =
      String.fromCharCode(64 + Math.floor((width - 1) / 26)).replace('@', '') +
      String.fromCharCode(65 + ((width - 1) % 26));
    expect(xml).toContain(`<autoFilter ref="A1:${last}4"/>`);
  });
});
