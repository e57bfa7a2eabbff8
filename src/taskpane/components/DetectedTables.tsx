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
};

const required: Record<TableKind, readonly FieldKey[]> = {
  sales: ['customerId', 'date', 'amount'],
  customers: ['customerId'],
  visits: ['customerId', 'visitDate'],
};

/**
 * What the pane found in the workbook: the sales, customers and visits tables with their row counts and,
 * for each field, the column it came from in a dropdown to remap it. When no sales table qualifies, the
 * error says why and every table found gets dropdowns for the sales fields.
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
  const isMissing =
    column === undefined &&
    required[props.kind].includes(props.field) &&
    !(
      props.field === 'amount' &&
      props.mapping.quantity !== undefined &&
      props.mapping.unitPrice !== undefined
    );
  const fieldName = t.fieldNames[props.field];
  return (
    <>
      <Text size={200} className={isMissing ? styles.missing : undefined}>
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
