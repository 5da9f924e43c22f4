import { CliError } from './cli-context.js';

const ENTER = new Set(['\r', '\n']);
const CTRL_C = '\u0003';
const CTRL_D = '\u0004';
const BACKSPACE = new Set(['\u007f', '\b']);

/** True when a person is at a terminal who can be asked for a password. */
export function canPrompt(): boolean {
  return Boolean(process.stdin.isTTY && process.stdout.isTTY);
}

/**
 * Asks for a secret on the terminal without echoing it. Handles backspace and pasted text;
 * Ctrl-C or Ctrl-D on an empty line cancels (exit code 130, as a shell would report an interrupt).
 */
export function promptHidden(question: string): Promise<string> {
  const input = process.stdin;
  process.stdout.write(question);
  input.setRawMode(true);
  input.setEncoding('utf8');
  input.resume();
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = () => {
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      process.stdout.write('\n');
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (ENTER.has(char)) {
          finish();
          resolve(value);
          return;
        }
        if (char === CTRL_C || (char === CTRL_D && value === '')) {
          finish();
          reject(new CliError('cancelled.', 130));
          return;
        }
        if (BACKSPACE.has(char)) {
          value = Array.from(value).slice(0, -1).join('');
        } else if (char >= ' ') {
          value += char;
        }
      }
    };
    input.on('data', onData);
  });
}
