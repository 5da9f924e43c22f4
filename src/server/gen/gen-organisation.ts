import type { Role } from '../../shared/roles.js';
import {
  CITY_BUREAUS,
  DISTRICT_BUREAUS,
  DISTRICTS,
  GEN_USERNAME_PREFIX,
  GIVEN_NAME_CHARS,
  PLACE_NAMES,
  SECTIONS,
  SURNAMES,
} from './gen-data.js';
import { type Random, weightedPicker } from './gen-random.js';

// The synthetic organisation, built in memory with explicit ids: a city (depth 0), its departments
// and districts (1), their sections, district departments and streets (2), and the sections and
// communities below those (3). Pure: the repository writes it, the forest builder draws from it.

/** What a generated unit is: decides its name, its share of tasks and its people. */
export type GenUnitKind = 'city' | 'bureau' | 'district' | 'district_unit' | 'section' | 'community';

/** A generated unit, with its id and materialised path. */
export interface GenUnit {
  id: number;
  parentId: number | null;
  name: string;
  path: string;
  depth: number;
  sortOrder: number;
  kind: GenUnitKind;
}

/** A generated person with one role (and, for leaders, units in charge). */
export interface GenPerson {
  id: number;
  username: string;
  displayName: string;
  unitId: number;
  role: Role;
  unitsInCharge: number[];
}

/** The units and people tasks are drawn from. */
export interface GenOrganisation {
  units: GenUnit[];
  people: GenPerson[];
}

/** Splits `total` as evenly as possible over `slots` slots. */
function spread(total: number, slots: number): number[] {
  if (slots <= 0) return [];
  const base = Math.floor(total / slots);
  return Array.from({ length: slots }, (_, i) => base + (i < total % slots ? 1 : 0));
}

function districtPrefix(district: string): string {
  return district.length <= 3 ? district : district.slice(0, 2);
}

/** The unit tree: `count` units in total, ids from `firstId`, under a root called `rootName`. */
export function buildUnits(count: number, firstId: number, rootName: string): GenUnit[] {
  const units: GenUnit[] = [];
  let nextId = firstId;
  const add = (parent: GenUnit | null, name: string, kind: GenUnitKind, sortOrder: number): GenUnit => {
    const id = nextId++;
    const unit: GenUnit = {
      id,
      parentId: parent?.id ?? null,
      name,
      path: `${parent?.path ?? '/'}${id}/`,
      depth: parent ? parent.depth + 1 : 0,
      sortOrder,
      kind,
    };
    units.push(unit);
    return unit;
  };
  const root = add(null, rootName, 'city', 10);
  const rest = Math.max(0, count - 1);
  const bureauCount = Math.min(CITY_BUREAUS.length, Math.max(Math.min(2, rest), Math.round(rest * 0.022)));
  const districtCount = Math.min(DISTRICTS.length, rest >= 10 ? Math.max(1, Math.round(rest * 0.006)) : 0);
  const bureaus = CITY_BUREAUS.slice(0, bureauCount).map((name, i) => add(root, name, 'bureau', (i + 1) * 10));
  const districts = DISTRICTS.slice(0, districtCount).map((name, i) =>
    add(root, name, 'district', (bureauCount + i + 1) * 10),
  );
  const below = Math.max(0, rest - bureauCount - districtCount);
  const level2 = districts.length > 0 ? Math.round(below * 0.3) : below;
  const bureauSections = districts.length > 0 ? Math.min(bureaus.length * 5, Math.round(level2 * 0.35)) : level2;
  const secondLevel: GenUnit[] = [];
  spread(bureauSections, bureaus.length).forEach((n, b) => {
    for (let i = 0; i < n; i++) {
      const name = i < SECTIONS.length ? (SECTIONS[i] as string) : `第${i + 1}科`;
      secondLevel.push(add(bureaus[b] as GenUnit, name, 'section', (i + 1) * 10));
    }
  });
  const districtUnits: GenUnit[] = [];
  spread(level2 - bureauSections, districts.length).forEach((n, d) => {
    const district = districts[d] as GenUnit;
    const prefix = districtPrefix(district.name);
    for (let i = 0; i < n; i++) {
      const streetIndex = i - DISTRICT_BUREAUS.length;
      const place = PLACE_NAMES[streetIndex % PLACE_NAMES.length] as string;
      const round = Math.floor(streetIndex / PLACE_NAMES.length);
      const name =
        i < DISTRICT_BUREAUS.length
          ? `${prefix}${DISTRICT_BUREAUS[i]}`
          : `${place}${streetIndex % 2 === 0 ? '街道' : '镇'}${round > 0 ? round + 1 : ''}`;
      districtUnits.push(add(district, name, 'district_unit', (i + 1) * 10));
    }
  });
  const thirdParents = districtUnits.length > 0 ? districtUnits : secondLevel.length > 0 ? secondLevel : bureaus;
  spread(below - level2, thirdParents.length).forEach((n, p) => {
    const parent = thirdParents[p] as GenUnit;
    const isStreet = /(街道|镇)\d*$/.test(parent.name);
    for (let i = 0; i < n; i++) {
      const cycle = Math.floor(i / PLACE_NAMES.length);
      const name = isStreet
        ? `${PLACE_NAMES[(i + p) % PLACE_NAMES.length]}社区${cycle > 0 ? cycle + 1 : ''}`
        : i < SECTIONS.length
          ? (SECTIONS[i] as string)
          : `第${i + 1}科`;
      add(parent, name, isStreet ? 'community' : 'section', (i + 1) * 10);
    }
  });
  return units;
}

function personName(random: Random): string {
  const given = random.chance(0.7) ? 2 : 1;
  let name = random.pick(SURNAMES);
  for (let i = 0; i < given; i++) name += random.pick(GIVEN_NAME_CHARS);
  return name;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Who leads what: the mayor holds the whole city; deputies and district leaders split the rest. */
function leaderCharges(units: GenUnit[], leaderCount: number): Array<{ unit: GenUnit; inCharge: number[] }> {
  const root = units[0] as GenUnit;
  const bureaus = units.filter((u) => u.kind === 'bureau');
  const districts = units.filter((u) => u.kind === 'district');
  const cityLeaders = Math.max(1, Math.min(leaderCount, Math.ceil(leaderCount * 0.25)));
  const charges: Array<{ unit: GenUnit; inCharge: number[] }> = [{ unit: root, inCharge: [root.id] }];
  for (let i = 1; i < cityLeaders; i++) {
    const mine = [...bureaus, ...districts].filter((_, j) => j % (cityLeaders - 1) === i - 1);
    charges.push({ unit: root, inCharge: mine.map((u) => u.id) });
  }
  const perDistrict = spread(leaderCount - cityLeaders, districts.length);
  districts.forEach((district, d) => {
    const own = units.filter((u) => u.parentId === district.id);
    const n = perDistrict[d] ?? 0;
    for (let i = 0; i < n; i++) {
      const mine = i === 0 ? [district] : own.filter((_, j) => j % Math.max(1, n - 1) === i - 1);
      charges.push({ unit: district, inCharge: mine.map((u) => u.id) });
    }
  });
  return charges.slice(0, leaderCount);
}

/**
 * `count` people, ids from `firstId`: leaders with units in charge, supervisors (in the general
 * office), auditors (in the discipline commission), one head per unit while people last, and
 * staff spread over the units (more in departments than in sections).
 */
export function buildPeople(units: GenUnit[], count: number, firstId: number, random: Random): GenPerson[] {
  const people: GenPerson[] = [];
  if (units.length === 0 || count <= 0) return people;
  let nextId = firstId;
  const add = (role: Role, username: string, unitId: number, unitsInCharge: number[] = []) => {
    if (people.length >= count) return;
    people.push({ id: nextId++, username, displayName: personName(random), unitId, role, unitsInCharge });
  };
  const root = units[0] as GenUnit;
  const office = units.find((u) => u.kind === 'bureau') ?? root;
  const discipline = units.filter((u) => u.kind === 'bureau')[1] ?? root;
  const supervisors = Math.max(1, Math.round(count * 0.0025));
  const auditors = Math.max(1, Math.round(count * 0.0005));
  const leaders = Math.max(1, Math.round(count * 0.002));
  for (let i = 1; i <= supervisors; i++) add('supervisor', `${GEN_USERNAME_PREFIX.supervisor}${pad(i, 4)}`, office.id);
  for (let i = 1; i <= auditors; i++) add('auditor', `${GEN_USERNAME_PREFIX.auditor}${pad(i, 4)}`, discipline.id);
  leaderCharges(units, leaders).forEach((charge, i) => {
    add('leader', `${GEN_USERNAME_PREFIX.leader}${pad(i + 1, 4)}`, charge.unit.id, charge.inCharge);
  });
  units.slice(1).forEach((unit, i) => {
    add('unit_head', `${GEN_USERNAME_PREFIX.unitHead}${pad(i + 1, 5)}`, unit.id);
  });
  const pickUnit = weightedPicker(
    random,
    units.map((u) => [u, u.kind === 'bureau' || u.kind === 'district_unit' ? 6 : 2] as const),
  );
  for (let i = 1; people.length < count; i++) {
    add('unit_staff', `${GEN_USERNAME_PREFIX.unitStaff}${pad(i, 5)}`, pickUnit().id);
  }
  return people;
}
