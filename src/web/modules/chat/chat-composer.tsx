import { useState } from 'react';

/** The question box: Enter sends, Shift+Enter starts a new line; while an answer streams, Stop replaces Send. */
export function ChatComposer({
  disabled,
  streaming,
  placeholder,
  onSend,
  onStop,
}: {
  disabled: boolean;
  streaming: boolean;
  placeholder: string;
  onSend(text: string): Promise<boolean>;
  onStop(): void;
}) {
  const [text, setText] = useState('');
  const submit = async () => {
    const content = text.trim();
    if (!content || disabled || streaming) return;
    if (await onSend(content)) setText('');
  };
  return (
    <form
      className="chat-composer"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <textarea
        className="input chat-input"
        data-testid="chat-input"
        aria-label="Your question"
        placeholder={placeholder}
        rows={2}
        maxLength={4000}
        value={text}
        disabled={disabled || streaming}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
            event.preventDefault();
            void submit();
          }
        }}
      />
      {streaming ? (
        <button type="button" className="btn btn-secondary" data-testid="chat-stop" onClick={onStop}>
          Stop
        </button>
      ) : (
        <button type="submit" className="btn btn-primary" data-testid="chat-send" disabled={disabled || !text.trim()}>
          Send
        </button>
      )}
    </form>
  );
}
