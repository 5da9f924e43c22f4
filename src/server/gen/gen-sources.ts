import { SOURCE_KINDS } from '../../shared/tasks.js';
import { dateOf, dayOf, instantOf } from './gen-calendar.js';
import { GEN_CITY, SOURCE_TITLES } from './gen-data.js';
import type { Random } from './gen-random.js';
import type { GenSourceRow } from './gen-tables.js';

const ISSUERS = [
  [`${GEN_CITY}人民政府`, '云政发'],
  [`${GEN_CITY}人民政府办公室`, '云政办'],
  ['中共云河市委', '云发'],
  ['中共云河市委办公室', '云办'],
] as const;

/** Sources (来源) of the generated tasks: work reports, meeting minutes, documents, instructions… */
export function buildSources(
  random: Random,
  input: { count: number; firstId: number; supervisorIds: readonly number[]; today: string; offsetMinutes: number },
): GenSourceRow[] {
  const first = dayOf('2024-01-01');
  const last = dayOf(input.today) - 1;
  const numbers = new Map<string, number>();
  return Array.from({ length: input.count }, (_, i) => {
    const day = first + Math.floor(((last - first) * (i + random.next())) / input.count);
    const year = dateOf(day).slice(0, 4);
    const kind = random.pick(SOURCE_KINDS);
    const [issuer, prefix] = random.pick(ISSUERS);
    const key = `${prefix}${year}`;
    const n = (numbers.get(key) ?? 0) + 1;
    numbers.set(key, n);
    const title = random.pick(SOURCE_TITLES[kind] ?? ['其他来源']);
    const at = instantOf(day, random.int(540, 1020), input.offsetMinutes);
    return {
      id: input.firstId + i,
      kind,
      title: title.startsWith('年') ? `${year}${title}` : title,
      doc_number: kind === 'document' || kind === 'decision' ? `${prefix}〔${year}〕${n}号` : null,
      issuer,
      issued_on: dateOf(day),
      full_text: null,
      created_by: random.pick(input.supervisorIds),
      created_at: at,
      updated_at: at,
      version: 1,
    };
  });
}
