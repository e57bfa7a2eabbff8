import { useState } from 'react';
import {
  Button,
  Caption1,
  Card,
  CardHeader,
  Dropdown,
  Option,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { ChosenTables } from '../../engine/chooseTables';
import type { ColumnMapping, FieldKey, MappedTable, SourceTable, TableKind } from '../../engine/types';
import type { ErrorText } from '../describeError';
import { useMessages } from '../hooks/useMessages';
import { ErrorBar } from './ErrorBar';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  header: { display: 'flex', justifyContent: 'space-between', alignItems: 'center' },
  fields: {
    display: 'grid',
    gridTemplateColumns: 'minmax(90px, auto) 1fr',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
    alignItems: 'center',
  },
  dropdown: { minWidth: '0', width: '100%' },
  missing: { color: tokens.colorPaletteRedForeground1 },
  summary: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'baseline',
    columnGap: tokens.spacingHorizontalS,
  },
  found: { color: tokens.colorPaletteGreenForeground1 },
});

/** The fields the pane offers to map, per table kind, in display order. */
export const fieldsByKind: Record<TableKind, readonly FieldKey[]> = {
  sales: [
    'customerId',
    'date',
    'amount',
    'quantity',
    'unitPrice',
    'orderId',
    'profit',
    'cost',
    'customerName',
    'rep',
  ],
  customers: ['customerId', 'customerName', 'rep', 'region'],
  visits: ['customerId', 'visitDate', 'rep'],
  careRules: ['product', 'category', 'followUpDays', 'careNote'],
};

const required: Record<TableKind, readonly FieldKey[]> = {
  sales: ['customerId', 'date', 'amount'],
  customers: ['customerId'],
  visits: ['customerId', 'visitDate'],
  careRules: ['followUpDays'],
};

/** Whether a required field of a table has no column (an amount may come from quantity × unit price). */
export function isMissing(kind: TableKind, field: FieldKey, mapping: ColumnMapping): boolean {
  return (
    mapping[field] === undefined &&
    required[kind].includes(field) &&
    !(field === 'amount' && mapping.quantity !== undefined && mapping.unitPrice !== undefined)
  );
}

function complete(chosen: ChosenTables): boolean {
  const tables: [TableKind, MappedTable | null][] = [
    ['sales', chosen.sales],
    ['customers', chosen.customers],
    ['visits', chosen.visits],
  ];
  return tables.every(
    ([kind, table]) =>
      table === null || !required[kind].some((field) => isMissing(kind, field, table.mapping)),
  );
}

/**
 * What the pane found in the workbook: the sales, customers and visits tables with their row counts and,
 * for each field, the column it came from in a dropdown to remap it. When every required column was found
 * this is one line ("All columns found ✓", the sales table, and "review" to open the dropdowns), so
 * Analyse stays in view in a narrow task pane; when one is missing, the dropdowns show at once. When no
 * sales table qualifies, the error says why and every table found gets dropdowns for the sales fields.
 */
export function DetectedTables(props: {
  tables: readonly SourceTable[];
  chosen: ChosenTables | null;
  error: ErrorText | null;
  onRemap: (kind: TableKind, field: FieldKey, column: number) => void;
  onRefresh: () => void;
  busy: boolean;
}) {
  const t = useMessages();
  const styles = useStyles();
  const [reviewing, setReviewing] = useState(false);
  const chosen = props.chosen;
  if (chosen !== null && props.error === null && complete(chosen) && !reviewing)
    return (
      <section className={styles.summary} aria-labelledby="detected-title">
        <Text id="detected-title" weight="semibold" className={styles.found}>
          {t.allColumnsFound}
        </Text>
        <Caption1>
          {t.tableKinds.sales}:{' '}
          {t.tableWhere(
            chosen.sales.source.sheet,
            chosen.sales.source.tableName,
            chosen.sales.source.rowCount,
          )}
        </Caption1>
        <Button
          size="small"
          appearance="transparent"
          aria-expanded={false}
          onClick={() => {
            setReviewing(true);
          }}
        >
          {t.reviewColumns}
        </Button>
      </section>
    );
  return (
    <section className={styles.root} aria-labelledby="detected-title">
      <div className={styles.header}>
        <Text as="h2" id="detected-title" weight="semibold" size={400}>
          {t.detectedTitle}
        </Text>
        <Button size="small" appearance="subtle" onClick={props.onRefresh} disabled={props.busy}>
          {t.refresh}
        </Button>
      </div>
      {props.error !== null && <ErrorBar error={props.error} />}
      {chosen !== null && props.error === null && !complete(chosen) && (
        <Text className={styles.missing}>{t.columnsMissing}</Text>
      )}
      {props.chosen !== null ? (
        <>
          <TableCard table={props.chosen.sales} kind="sales" onRemap={props.onRemap} />
          {props.chosen.customers !== null ? (
            <TableCard table={props.chosen.customers} kind="customers" onRemap={props.onRemap} />
          ) : (
            <Caption1>{t.noCustomersTable}</Caption1>
          )}
          {props.chosen.visits !== null ? (
            <TableCard table={props.chosen.visits} kind="visits" onRemap={props.onRemap} />
          ) : (
            <Caption1>{t.noVisitsTable}</Caption1>
          )}
        </>
      ) : (
        props.tables.map((source) => (
          <TableCard
            key={`${source.sheet}!${String(source.headerRow)}:${String(source.firstColumn)}`}
            table={{ source, kind: 'sales', mapping: {} }}
            kind="sales"
            onRemap={props.onRemap}
          />
        ))
      )}
    </section>
  );
}

function TableCard(props: {
  table: MappedTable;
  kind: TableKind;
  onRemap: (kind: TableKind, field: FieldKey, column: number) => void;
}) {
  const t = useMessages();
  const styles = useStyles();
  const { source, mapping } = props.table;
  const title = t.tableKinds[props.kind];
  return (
    <Card size="small" role="group" aria-label={title}>
      <CardHeader
        header={<Text weight="semibold">{title}</Text>}
        description={<Caption1>{t.tableWhere(source.sheet, source.tableName, source.rowCount)}</Caption1>}
      />
      <div className={styles.fields}>
        {fieldsByKind[props.kind].map((field) => (
          <FieldRow
            key={field}
            field={field}
            kind={props.kind}
            headers={source.headers}
            mapping={mapping}
            onRemap={props.onRemap}
          />
        ))}
      </div>
    </Card>
  );
}

function FieldRow(props: {
  field: FieldKey;
  kind: TableKind;
  headers: readonly string[];
  mapping: ColumnMapping;
  onRemap: (kind: TableKind, field: FieldKey, column: number) => void;
}) {
  const t = useMessages();
  const styles = useStyles();
  const column = props.mapping[props.field];
  const headerText = (index: number): string => {
    const header = props.headers[index]?.trim() ?? '';
    return header === '' ? `#${String(index + 1)}` : header;
  };
  const missing = isMissing(props.kind, props.field, props.mapping);
  const fieldName = t.fieldNames[props.field];
  return (
    <>
      <Text size={200} className={missing ? styles.missing : undefined}>
        {fieldName}
      </Text>
      <Dropdown
        className={styles.dropdown}
        size="small"
        aria-label={t.remapLabel(fieldName, t.tableKinds[props.kind])}
        placeholder={t.notMapped}
        value={column === undefined ? '' : headerText(column)}
        selectedOptions={column === undefined ? [] : [String(column)]}
        onOptionSelect={(_event, data) => {
          const next = Number(data.optionValue);
          if (Number.isInteger(next)) props.onRemap(props.kind, props.field, next);
        }}
      >
        {props.headers.map((_header, index) => (
          <Option key={index} value={String(index)}>
            {headerText(index)}
          </Option>
        ))}
      </Dropdown>
    </>
  );
}
