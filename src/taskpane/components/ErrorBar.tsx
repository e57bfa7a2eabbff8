import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import type { ErrorText } from '../describeError';
import { useMessages } from '../hooks/useMessages';

/** An error in a Fluent MessageBar: a title, what went wrong and what to do next; optionally dismissable. */
export function ErrorBar(props: { error: ErrorText; title?: string; onDismiss?: () => void }) {
  const t = useMessages();
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{props.title ?? t.errorTitle}</MessageBarTitle> {props.error.what} {props.error.next}
      </MessageBarBody>
      {props.onDismiss !== undefined && (
        <MessageBarActions>
          <Button size="small" onClick={props.onDismiss}>
            {t.dismiss}
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
