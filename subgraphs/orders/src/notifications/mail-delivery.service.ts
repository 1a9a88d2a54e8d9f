import type { Logger } from '@dealergraph/runtime';
import type { MikroORM } from '@mikro-orm/postgresql';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Job, JobResult } from 'pg-boss';

import type { NotificationSettings } from '../config.js';
import type { MailJobData } from './notification-planner.service.js';

interface MailRow {
  id: string;
  email: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  status: string;
}

/**
 * Sends planned mails: through SMTP when SMTP_URL is set (nodemailer, pooled), and in demo mode
 * into the dev mailbox (`mailbox_message`, keyed by the mail's id, so a retried mail is kept once).
 * Each mail is one pg-boss job; a sent mail (status SENT) is never sent again, and every mail carries
 * its id as Message-ID. A failure is logged and recorded on the mail (attempts, last error) and the
 * job retried with backoff; after the last retry the mail is FAILED.
 */
export class MailDelivery {
  readonly #transport: Transporter | null;

  constructor(private readonly deps: { orm: MikroORM; settings: NotificationSettings & { keepInMailbox: boolean }; logger: Logger }) {
    const { smtpUrl } = deps.settings;
    this.#transport = smtpUrl ? nodemailer.createTransport(smtpUrl.includes('pool=') ? smtpUrl : withPool(smtpUrl)) : null;
  }

  /** False when a mail has nowhere to go (production without SMTP_URL): nothing is planned then. */
  get delivers(): boolean {
    return this.#transport !== null || this.deps.settings.keepInMailbox;
  }

  /**
   * Works a batch of mail jobs, each settled on its own: one statement reads the batch's mails, the
   * unsent ones go out at once (the SMTP pool spreads them), one statement keeps them in the mailbox
   * and one marks them SENT; each failure is recorded, logged and its job retried.
   */
  async work(jobs: Job<MailJobData>[]): Promise<JobResult[]> {
    const { orm, settings, logger } = this.deps;
    const schema = orm.config.get('schema') ?? 'orders';
    const connection = orm.em.getConnection();
    const ids = jobs.map((j) => j.data.notificationId);
    const rows = await connection.execute<MailRow[]>(
      `select id, email, subject, text, html, headers, status from "${schema}"."mail_notification" where id = any(?::uuid[])`,
      [`{${ids.join(',')}}`],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    const outcomes = await Promise.all(
      jobs.map(async (job) => {
        const mail = byId.get(job.data.notificationId);
        if (!mail || mail.status === 'SENT') return { job, mail: null, error: null };
        try {
          await this.send(mail);
          return { job, mail, error: null };
        } catch (error) {
          return { job, mail, error: error as Error };
        }
      }),
    );
    const sent = outcomes.filter((o) => o.mail && !o.error).map((o) => o.mail!);
    if (sent.length > 0) {
      if (settings.keepInMailbox) {
        await connection.execute(
          `insert into "${schema}"."mailbox_message" (id, "to", subject, text, html, headers, sent_at)
           select id, array[email], subject, text, html, headers, now() from "${schema}"."mail_notification" where id = any(?::uuid[])
           on conflict (id) do nothing`,
          [`{${sent.map((m) => m.id).join(',')}}`],
        );
      }
      await connection.execute(
        `update "${schema}"."mail_notification" set status = 'SENT', sent_at = now(), attempts = attempts + 1, last_error = null
          where id = any(?::uuid[])`,
        [`{${sent.map((m) => m.id).join(',')}}`],
      );
    }
    for (const { job, mail, error } of outcomes) {
      if (!mail || !error) continue;
      const last = job.retryCount >= settings.retryLimit;
      logger.warn(last ? 'mail failed; no retry left' : 'mail failed; it will be retried', {
        notificationId: mail.id,
        attempt: job.retryCount + 1,
        message: error.message,
      });
      await connection.execute(
        `update "${schema}"."mail_notification" set attempts = attempts + 1, last_error = ?, status = ? where id = ? and status <> 'SENT'`,
        [error.message.slice(0, 1000), last ? 'FAILED' : 'PENDING', mail.id],
      );
    }
    return outcomes.map(({ job, error }) =>
      error ? { id: job.id, status: 'failed' as const, output: { message: error.message } } : { id: job.id, status: 'completed' as const },
    );
  }

  /** Hands one mail to the SMTP server (a no-op without one: the mailbox keeps it). */
  private async send(mail: MailRow): Promise<void> {
    if (!this.#transport) return;
    const { settings } = this.deps;
    await this.#transport.sendMail({
      from: settings.from,
      replyTo: settings.replyTo ?? undefined,
      to: mail.email,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      headers: mail.headers,
      messageId: `<${mail.id}@dealergraph.mail>`,
    });
  }

  close(): void {
    this.#transport?.close();
  }
}

/** Pooled SMTP connections (a burst of mails reuses a few connections instead of one per mail). */
function withPool(url: string): string {
  return `${url}${url.includes('?') ? '&' : '?'}pool=true`;
}
