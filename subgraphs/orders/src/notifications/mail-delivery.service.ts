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

  /** Works a batch of mail jobs, each settled on its own. */
  async work(jobs: Job<MailJobData>[]): Promise<JobResult[]> {
    return Promise.all(
      jobs.map(async (job): Promise<JobResult> => {
        try {
          await this.deliver(job.data.notificationId, job.retryCount);
          return { id: job.id, status: 'completed' };
        } catch (error) {
          return { id: job.id, status: 'failed', output: { message: (error as Error).message } };
        }
      }),
    );
  }

  /** Sends one mail unless it was sent; records the outcome. */
  async deliver(id: string, retryCount: number): Promise<void> {
    const { orm, settings, logger } = this.deps;
    const schema = orm.config.get('schema') ?? 'orders';
    const connection = orm.em.getConnection();
    const [mail] = await connection.execute<MailRow[]>(
      `select id, email, subject, text, html, headers, status from "${schema}"."mail_notification" where id = ?`,
      [id],
    );
    if (!mail || mail.status === 'SENT') return;
    try {
      if (this.#transport) {
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
      if (settings.keepInMailbox) {
        await connection.execute(
          `insert into "${schema}"."mailbox_message" (id, "to", subject, text, html, headers, sent_at)
           values (?, array[?]::text[], ?, ?, ?, ?::jsonb, now()) on conflict (id) do nothing`,
          [mail.id, mail.email, mail.subject, mail.text, mail.html, JSON.stringify(mail.headers)],
        );
      }
      await connection.execute(
        `update "${schema}"."mail_notification" set status = 'SENT', sent_at = now(), attempts = attempts + 1, last_error = null where id = ?`,
        [mail.id],
      );
    } catch (error) {
      const message = (error as Error).message;
      const last = retryCount >= settings.retryLimit;
      logger.warn(last ? 'mail failed; no retry left' : 'mail failed; it will be retried', {
        notificationId: mail.id,
        attempt: retryCount + 1,
        message,
      });
      await connection.execute(
        `update "${schema}"."mail_notification" set attempts = attempts + 1, last_error = ?, status = ? where id = ? and status <> 'SENT'`,
        [message.slice(0, 1000), last ? 'FAILED' : 'PENDING', mail.id],
      );
      throw error;
    }
  }

  close(): void {
    this.#transport?.close();
  }
}

/** Pooled SMTP connections (a burst of mails reuses a few connections instead of one per mail). */
function withPool(url: string): string {
  return `${url}${url.includes('?') ? '&' : '?'}pool=true`;
}
