import { Dropdown, Option, makeStyles, tokens, useId, Label } from '@fluentui/react-components';
import type { Language } from '../../engine/types';
import { useMessages } from '../hooks/useMessages';

const useStyles = makeStyles({
  root: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
  dropdown: { minWidth: '120px' },
});

const languages: readonly Language[] = ['en', 'zh-CN'];

/** Switches the pane's language between English and 简体中文. */
export function LanguageSwitch(props: { language: Language; onChange: (language: Language) => void }) {
  const t = useMessages();
  const styles = useStyles();
  const labelId = useId('language');
  return (
    <div className={styles.root}>
      <Label id={labelId} size="small">
        {t.languageLabel}
      </Label>
      <Dropdown
        className={styles.dropdown}
        size="small"
        aria-labelledby={labelId}
        value={t.languageNames[props.language]}
        selectedOptions={[props.language]}
        onOptionSelect={(_event, data) => {
          const next = languages.find((l) => l === data.optionValue);
          if (next !== undefined) props.onChange(next);
        }}
      >
        {languages.map((language) => (
          <Option key={language} value={language} lang={language}>
            {t.languageNames[language]}
          </Option>
        ))}
      </Dropdown>
    </div>
  );
}
