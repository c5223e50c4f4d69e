/** Reading what the e2e stack sent from its Mailpit (the inbox `npm start` runs; API at /api/v1). */
import type { E2eStack } from './stack';

interface MailSummary {
  ID: string;
  Subject: string;
  To: { Address: string }[];
  Bcc: { Address: string }[] | null;
}

/**
 * The text of a mail the stack's Mailpit holds for `address` (To or Bcc) whose subject matches, waiting
 * for it to arrive (the notifier sends from the outbox every few seconds).
 */
export async function mailTo(stack: E2eStack, address: string, subject: RegExp, timeoutMs = 90_000): Promise<string> {
  const api = `http://127.0.0.1:${stack.ports.MAILPIT_UI_PORT}/api/v1`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const list = (await (await fetch(`${api}/messages?limit=500`)).json()) as { messages: MailSummary[] };
    const found = list.messages.find(
      (m) => subject.test(m.Subject) && [...m.To, ...(m.Bcc ?? [])].some((t) => t.Address === address),
    );
    if (found) return ((await (await fetch(`${api}/message/${found.ID}`)).json()) as { Text: string }).Text;
    if (Date.now() > deadline) throw new Error(`no mail "${subject.source}" to ${address} after ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 500));
  }
}
