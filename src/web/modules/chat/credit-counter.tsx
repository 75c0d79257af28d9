import type { Credits } from '../ai/client';

/** The user's chat credits left this month ("unlimited" on plans without a cap). */
export function CreditCounter({ credits, error }: { credits: Credits | undefined; error: unknown }) {
  let text = '…';
  if (error) text = 'credits unavailable';
  else if (credits?.unlimited || credits?.remaining === null) text = 'unlimited';
  else if (credits) text = `${credits.remaining} of ${credits.monthlyAllowance} left`;
  const empty = credits && !credits.unlimited && credits.remaining === 0;
  return (
    <span
      className={empty ? 'chat-credits chat-credits-empty' : 'chat-credits'}
      data-testid="chat-credits"
      title={credits ? `Each question uses one chat credit; they renew on ${credits.resetAt}` : undefined}
    >
      Chat credits: <strong>{text}</strong>
    </span>
  );
}
