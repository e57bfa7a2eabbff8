import { useState } from 'react';
import { Button, Dropdown, Option, Text, makeStyles, tokens, useId } from '@fluentui/react-components';
import type { Language } from '../../engine/types';
import { useMessages } from '../hooks/useMessages';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
  },
  dropdown: { minWidth: '110px' },
});

/**
 * For trainers: inserts the sample workbook's customers, sales and visits sheets, in English or Chinese
 * (the UI language unless chosen otherwise), so a class can analyse in two clicks.
 */
export function SampleDataPanel(props: {
  uiLanguage: Language;
  busy: boolean;
  onInsert: (language: Language) => void;
}) {
  const t = useMessages();
  const styles = useStyles();
  const labelId = useId('sample-language');
  const [chosen, setChosen] = useState<Language | null>(null);
  const language = chosen ?? props.uiLanguage;
  return (
    <section className={styles.root} aria-label={t.sampleTitle}>
      <Button
        onClick={() => {
          props.onInsert(language);
        }}
        disabled={props.busy}
      >
        {t.insertSample}
      </Button>
      <Text id={labelId} size={200}>
        {t.sampleLanguageLabel}
      </Text>
      <Dropdown
        className={styles.dropdown}
        size="small"
        aria-labelledby={labelId}
        value={t.languageNames[language]}
        selectedOptions={[language]}
        onOptionSelect={(_event, data) => {
          setChosen(data.optionValue === 'zh-CN' ? 'zh-CN' : 'en');
        }}
      >
        <Option value="en">{t.languageNames.en}</Option>
        <Option value="zh-CN">{t.languageNames['zh-CN']}</Option>
      </Dropdown>
    </section>
  );
}
