import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';

/** What `npm run admin:create` is asked to do. */
export interface AdminRequest {
  email: string;
  fullName: string;
  /** Create one more ADMIN although one exists. */
  additional: boolean;
}

export const ADMIN_USAGE =
  'Usage: npm run admin:create -- --email <email> [--name "<full name>"] [--additional]\n' +
  'The password is read from standard input (typed twice at a terminal, or the first line of a pipe).';

/** The command line's request, or what is wrong with it. */
export function parseAdminArgs(argv: string[]): AdminRequest | { error: string } {
  try {
    const { values } = parseArgs({
      args: argv,
      options: { email: { type: 'string' }, name: { type: 'string' }, additional: { type: 'boolean', default: false } },
      strict: true,
    });
    if (!values.email) return { error: "Give the administrator's email with --email." };
    return { email: values.email, fullName: values.name ?? 'Portal administrator', additional: values.additional ?? false };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

/** The first line of a piped standard input (a password manager, a CI secret). */
async function firstLine(input: NodeJS.ReadableStream): Promise<string> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  return '';
}

/** Asks at a terminal without echoing what is typed. */
function askHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const muted = rl as unknown as { _writeToOutput: (text: string) => void };
    muted._writeToOutput = (text) => {
      if (text.startsWith(question)) process.stdout.write(question);
    };
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
  });
}

/** The password: typed twice at a terminal (they must match), else the first line of standard input. */
export async function readPassword(email: string): Promise<string | { error: string }> {
  if (!process.stdin.isTTY) return firstLine(process.stdin);
  const first = await askHidden(`Password for ${email} (12 characters or more): `);
  const again = await askHidden('The same password again: ');
  return first === again ? first : { error: 'The two passwords differ; nothing was created.' };
}
