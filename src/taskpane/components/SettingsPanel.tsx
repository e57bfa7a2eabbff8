import { useState } from 'react';
import {
  Checkbox,
  Dropdown,
  Field,
  Input,
  Option,
  Radio,
  RadioGroup,
  Switch,
  Caption1,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { allOutputColumns, columnHeader } from '../../engine/methods/outputColumns';
import type { AnalysisSettings, Language, OutputColumnKey } from '../../engine/types';
import type { SvcdThresholds } from '../../engine/assignSvcd';
import { useMessages } from '../hooks/useMessages';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  row: { display: 'flex', columnGap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  half: { flexGrow: 1, flexBasis: '120px' },
  columns: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))' },
});

/** The course's example of typed SVCD thresholds: 300 per order, one order a month. */
const courseThresholds = { amount: 300, frequency: 1 };

/** Groups of settings, each shown next to the figures it changes once there are results. */
export type SettingsPart = 'period' | 'svcd' | 'abc' | 'churn' | 'movement' | 'visits' | 'output';

/** Every group, in the order of the full settings panel. */
export const allSettingsParts: readonly SettingsPart[] = [
  'period',
  'svcd',
  'abc',
  'churn',
  'movement',
  'visits',
  'output',
];

/**
 * The analysis settings with a one-line explanation each: as-of date, window, SVCD thresholds, ABC cut,
 * churn source, movement comparison (off or N months), visit plan model, columns to write, language of results, and automatic re-analysis.
 *
 * @param parts The groups to show (all by default): the results panel puts each group beside its figures
 *   so a changed threshold visibly changes the numbers next to it.
 * @param thresholdsUsed The SVCD thresholds of the last run, offered as the starting values when the user
 *   switches to typed thresholds.
 */
export function SettingsPanel(props: {
  settings: AnalysisSettings;
  onChange: (patch: Partial<AnalysisSettings>) => void;
  thresholdsUsed: SvcdThresholds | null;
  autoRerun: boolean;
  onAutoRerunChange: (on: boolean) => void;
  parts?: readonly SettingsPart[];
}) {
  const t = useMessages();
  const styles = useStyles();
  const { settings, onChange } = props;
  const parts = new Set(props.parts ?? allSettingsParts);
  const typed = settings.svcdAmountThreshold !== null || settings.svcdFrequencyThreshold !== null;
  return (
    <div className={styles.root}>
      {parts.has('output') && <Caption1>{t.settingsSavedNote}</Caption1>}
      {parts.has('period') && (
        <>
          <Field label={t.asOfLabel} hint={t.asOfHint}>
            <Input
              type="date"
              value={settings.asOf ?? ''}
              onChange={(_event, data) => {
                onChange({ asOf: /^\d{4}-\d{2}-\d{2}$/.test(data.value) ? data.value : null });
              }}
            />
          </Field>
          <Field label={t.windowLabel} hint={t.windowHint}>
            <RadioGroup
              layout="horizontal"
              value={settings.windowMonths === null ? 'all' : 'months'}
              onChange={(_event, data) => {
                onChange({ windowMonths: data.value === 'all' ? null : 12 });
              }}
            >
              <Radio value="all" label={t.windowAll} />
              <Radio value="months" label={t.windowLastMonths} />
            </RadioGroup>
          </Field>
          {settings.windowMonths !== null && (
            <NumberField
              label={t.windowMonthsLabel}
              value={settings.windowMonths}
              min={1}
              integer
              onCommit={(value) => {
                onChange({ windowMonths: value });
              }}
            />
          )}
        </>
      )}
      {parts.has('svcd') && (
        <>
          <Field label={t.svcdThresholdsLabel} hint={t.svcdHint}>
            <RadioGroup
              layout="horizontal"
              value={typed ? 'typed' : 'median'}
              onChange={(_event, data) => {
                if (data.value === 'median')
                  onChange({ svcdAmountThreshold: null, svcdFrequencyThreshold: null });
                else
                  onChange({
                    svcdAmountThreshold: roundForInput(
                      props.thresholdsUsed?.amount ?? courseThresholds.amount,
                    ),
                    svcdFrequencyThreshold: roundForInput(
                      props.thresholdsUsed?.frequency ?? courseThresholds.frequency,
                    ),
                  });
              }}
            >
              <Radio value="median" label={t.svcdMedian} />
              <Radio value="typed" label={t.svcdTyped} />
            </RadioGroup>
          </Field>
          {typed && (
            <div className={styles.row}>
              <NumberField
                className={styles.half}
                label={t.svcdAmountLabel}
                value={settings.svcdAmountThreshold ?? courseThresholds.amount}
                min={0}
                onCommit={(value) => {
                  onChange({ svcdAmountThreshold: value });
                }}
              />
              <NumberField
                className={styles.half}
                label={t.svcdFrequencyLabel}
                value={settings.svcdFrequencyThreshold ?? courseThresholds.frequency}
                min={0}
                onCommit={(value) => {
                  onChange({ svcdFrequencyThreshold: value });
                }}
              />
            </div>
          )}
        </>
      )}
      {parts.has('abc') && (
        <NumberField
          label={t.abcCutLabel}
          hint={t.abcCutHint}
          value={Math.round(settings.abcCut * 1000) / 10}
          min={1}
          max={100}
          onCommit={(value) => {
            onChange({ abcCut: value / 100 });
          }}
        />
      )}
      {parts.has('churn') && (
        <Field label={t.churnFromLabel} hint={t.churnFromHint}>
          <RadioGroup
            value={settings.churnFrom}
            onChange={(_event, data) => {
              onChange({ churnFrom: data.value === 'model' ? 'model' : 'gap' });
            }}
          >
            <Radio value="gap" label={t.churnFromOptions.gap} />
            <Radio value="model" label={t.churnFromOptions.model} />
          </RadioGroup>
        </Field>
      )}
      {parts.has('movement') && (
        <>
          <Field label={t.compareLabel} hint={t.compareHint}>
            <RadioGroup
              layout="horizontal"
              value={settings.compareMonths === null ? 'off' : 'months'}
              onChange={(_event, data) => {
                onChange({ compareMonths: data.value === 'off' ? null : 3 });
              }}
            >
              <Radio value="off" label={t.compareOff} />
              <Radio value="months" label={t.compareMonthsOption} />
            </RadioGroup>
          </Field>
          {settings.compareMonths !== null && (
            <NumberField
              label={t.compareMonthsLabel}
              value={settings.compareMonths}
              min={1}
              integer
              onCommit={(value) => {
                onChange({ compareMonths: value });
              }}
            />
          )}
        </>
      )}
      {parts.has('visits') && (
        <Field label={t.visitsFromLabel} hint={t.visitsFromHint}>
          <RadioGroup
            value={settings.visitsFrom}
            onChange={(_event, data) => {
              onChange({ visitsFrom: data.value === 'abc' ? 'abc' : 'svcd' });
            }}
          >
            <Radio value="svcd" label={t.visitsFromOptions.svcd} />
            <Radio value="abc" label={t.visitsFromOptions.abc} />
          </RadioGroup>
        </Field>
      )}
      {parts.has('output') && (
        <>
          <Field label={t.columnsLabel} hint={t.columnsHint}>
            <div className={styles.columns} role="group" aria-label={t.columnsLabel}>
              {allOutputColumns.map((key) => (
                <Checkbox
                  key={key}
                  label={columnHeader(key, settings.language)}
                  checked={settings.columns.includes(key)}
                  onChange={(_event, data) => {
                    onChange({ columns: toggleColumn(settings.columns, key, data.checked === true) });
                  }}
                />
              ))}
            </div>
          </Field>
          <Field label={t.outputLanguageLabel} hint={t.outputLanguageHint}>
            <Dropdown
              value={t.languageNames[settings.language]}
              selectedOptions={[settings.language]}
              onOptionSelect={(_event, data) => {
                const language: Language = data.optionValue === 'zh-CN' ? 'zh-CN' : 'en';
                onChange({ language });
              }}
            >
              <Option value="en">{t.languageNames.en}</Option>
              <Option value="zh-CN">{t.languageNames['zh-CN']}</Option>
            </Dropdown>
          </Field>
          <Switch
            label={t.autoRerunLabel}
            checked={props.autoRerun}
            onChange={(_event, data) => {
              props.onAutoRerunChange(data.checked);
            }}
          />
        </>
      )}
    </div>
  );
}

/** Keeps the columns in their standard order whatever order the user ticks them in. */
function toggleColumn(
  columns: readonly OutputColumnKey[],
  key: OutputColumnKey,
  on: boolean,
): OutputColumnKey[] {
  const chosen = new Set(columns);
  if (on) chosen.add(key);
  else chosen.delete(key);
  return allOutputColumns.filter((c) => chosen.has(c));
}

function roundForInput(value: number | null): number | null {
  return value === null ? null : Math.round(value * 100) / 100;
}

/**
 * A number input that commits only valid numbers within bounds; while the text is not a valid number it
 * says so and leaves the setting unchanged.
 */
function NumberField(props: {
  label: string;
  hint?: string;
  value: number;
  min: number;
  max?: number;
  integer?: boolean;
  className?: string;
  onCommit: (value: number) => void;
}) {
  const [text, setText] = useState<string | null>(null);
  const shown = text ?? String(props.value);
  const parsed = Number(shown.replace(',', '.'));
  const valid =
    shown.trim() !== '' &&
    Number.isFinite(parsed) &&
    parsed >= props.min &&
    (props.max === undefined || parsed <= props.max) &&
    (props.integer !== true || Number.isInteger(parsed));
  const range =
    props.max === undefined ? `≥ ${String(props.min)}` : `${String(props.min)}–${String(props.max)}`;
  return (
    <Field
      className={props.className}
      label={props.label}
      hint={props.hint}
      validationState={valid ? 'none' : 'error'}
      validationMessage={valid ? undefined : range}
    >
      <Input
        inputMode="decimal"
        value={shown}
        onChange={(_event, data) => {
          setText(data.value);
          const next = Number(data.value.replace(',', '.'));
          const ok =
            data.value.trim() !== '' &&
            Number.isFinite(next) &&
            next >= props.min &&
            (props.max === undefined || next <= props.max) &&
            (props.integer !== true || Number.isInteger(next));
          if (ok && next !== props.value) props.onCommit(next);
        }}
        onBlur={() => {
          setText(null);
        }}
      />
    </Field>
  );
}
