import { beforeAll, describe, expect, it } from 'vitest';
import { PREFER_NOT_TO_SAY } from '../../survey/chrome';
import type { Answers } from '../../survey/relevance';
import type { Period } from '../../programmes/model';
import type { Db } from '../db';
import { responses, type Organisation } from '../db/schema';
import { useTestDatabase } from '../db/testing';
import { fixtures } from '../db/testing/fixtures';
import { DEMO_SURVEY } from '../demo/survey';
import { seededRandom } from '../demo/random';
import { listVersionNumbers } from '../responses/service';
import { createSurvey, publishSurvey } from '../surveys/service';
import { computeIndicator, type IndicatorRule } from './math';
import { computeFigures, computeFiguresBatch, type FigureRow } from './sql';

let db: Db;
useTestDatabase((d) => {
	db = d.db;
});
const { person, organisation } = fixtures(() => db);

const periods: Period[] = [
	{ key: 'P1', start: '2025-01-01', end: '2025-03-31' },
	{ key: 'P2', start: '2025-04-01', end: '2025-06-30' },
	{ key: 'P3', start: '2025-07-01', end: '2025-09-30' }
];

interface Stored {
	channel: 'web' | 'sms';
	language: string;
	submittedOn: string;
	answers: Answers;
}

const random = seededRandom(42);
const pick = <T>(xs: readonly T[]): T => random.pick(xs);

/** Answers of every awkward shape a stored response can hold. */
function answersFor(i: number): Answers {
	const answers: Answers = {};
	const maybe = (name: string, value: Answers[string] | undefined) => {
		if (value !== undefined) answers[name] = value;
	};
	maybe('sat', pick(['a', 'b', 'c', 'd', PREFER_NOT_TO_SAY, undefined]));
	maybe(
		'multi',
		pick([['x'], ['x', 'y'], ['y'], [], [PREFER_NOT_TO_SAY], ['z', 'x'], 'x', undefined])
	);
	maybe(
		'num',
		pick([
			'0',
			'3',
			'7.5',
			'10',
			'-2',
			'1e2',
			'1e999',
			'2e-310',
			'',
			' ',
			'abc',
			PREFER_NOT_TO_SAY,
			undefined
		])
	);
	for (const item of ['i1', 'i2', 'i3'])
		maybe(item, pick(['1', '2', '3', '4', '5', '9', PREFER_NOT_TO_SAY, undefined]));
	maybe(
		'gender',
		pick(['woman', 'woman', 'man', 'other', PREFER_NOT_TO_SAY, undefined, ['woman']])
	);
	if (i % 17 === 0) answers.num = String(i);
	return answers;
}

const stored: Stored[] = Array.from({ length: 600 }, (_, i) => ({
	channel: pick(['web', 'web', 'sms'] as const),
	language: pick(['en', 'fr', 'ar']),
	// Some fall outside the periods and must be left out.
	submittedOn: pick([
		'2024-12-31',
		'2025-01-01',
		'2025-02-14',
		'2025-03-31',
		'2025-04-01',
		'2025-05-20',
		'2025-06-30',
		'2025-08-08',
		'2025-09-30',
		'2025-10-01'
	]),
	answers: answersFor(i)
}));

let org: Organisation;
let surveyId: string;

beforeAll(async () => {
	const owner = await person('owner');
	org = await organisation('figures', owner);
	const other = await organisation('figures-other', await person('other'));
	const survey = await createSurvey(db, owner, org.id, { name: 'S', instrument: DEMO_SURVEY });
	await publishSurvey(db, owner, org.id, survey.id);
	const [version] = await listVersionNumbers(db, org.id, survey.id);
	surveyId = survey.id;
	await db
		.insert(responses)
		.values(stored.map((s) => ({ ...s, orgId: org.id, surveyId, versionId: version!.id })));
	// Answers of another survey and of another organisation, which no figure may count.
	const second = await createSurvey(db, owner, org.id, { name: 'T', instrument: DEMO_SURVEY });
	await publishSurvey(db, owner, org.id, second.id);
	const [secondVersion] = await listVersionNumbers(db, org.id, second.id);
	await db.insert(responses).values(
		stored.slice(0, 50).map((s) => ({
			...s,
			orgId: org.id,
			surveyId: second.id,
			versionId: secondVersion!.id
		}))
	);
	const foreign = await createSurvey(db, owner, other.id, { name: 'U', instrument: DEMO_SURVEY });
	await publishSurvey(db, owner, other.id, foreign.id);
	const [foreignVersion] = await listVersionNumbers(db, other.id, foreign.id);
	await db.insert(responses).values(
		stored.slice(0, 50).map((s) => ({
			...s,
			orgId: other.id,
			surveyId: foreign.id,
			versionId: foreignVersion!.id
		}))
	);
});

/** The breakdown cell of a stored response, as the SQL reads it. */
function cellOf(s: Stored, dimension: string): string {
	if (dimension === 'channel') return s.channel;
	if (dimension === 'language') return s.language;
	const answer = s.answers[dimension];
	return typeof answer === 'string' && answer !== PREFER_NOT_TO_SAY ? answer : '';
}

function expected(rule: IndicatorRule, row: FigureRow, dimensions: string[]) {
	const inPeriod = (s: Stored) =>
		periods.some(
			(p) =>
				(row.period === null || p.key === row.period) &&
				s.submittedOn >= p.start &&
				s.submittedOn <= p.end
		);
	const subset = stored.filter(
		(s) =>
			inPeriod(s) &&
			dimensions.every((d, i) => row.cells[i] === null || cellOf(s, d) === row.cells[i])
	);
	return computeIndicator(
		subset.map((s) => s.answers),
		rule
	);
}

const rules: IndicatorRule[] = [
	{ kind: 'percentInSet', question: 'sat', choices: ['a', 'b'] },
	{ kind: 'percentInSet', question: 'multi', choices: ['y', 'z'] },
	{ kind: 'percentSelecting', question: 'multi', choice: 'x' },
	{ kind: 'mean', question: 'num' },
	{ kind: 'median', question: 'num' },
	{ kind: 'count' },
	{ kind: 'count', where: { question: 'sat', choices: ['c'] } },
	{ kind: 'scaleScore', items: ['i1', 'i2', 'i3'] },
	{
		kind: 'scaleScore',
		items: ['i1', 'i2', 'i3'],
		minAnswered: 2,
		rescaleFrom: { min: 1, max: 5 }
	},
	{ kind: 'mean', question: 'nobody-answers-this' }
];

describe('computeFigures', () => {
	it.each(rules)('matches math.ts in every period and cell: %j', async (rule) => {
		const dimensions = ['gender', 'channel', 'language'];
		const figures = await computeFigures(db, {
			orgId: org.id,
			surveyIds: [surveyId],
			rule,
			periods,
			dimensions
		});
		// Every period and all periods, each alone, by each dimension, and gender × channel.
		expect(figures.filter((f) => f.cells.every((c) => c === null))).toHaveLength(4);
		expect(figures.some((f) => f.cells[0] !== null && f.cells[1] !== null)).toBe(true);
		expect(figures.some((f) => f.cells[1] !== null && f.cells[2] !== null)).toBe(false);
		for (const figure of figures) {
			const want = expected(rule, figure, dimensions);
			expect({ n: figure.n, excluded: figure.excluded }).toEqual({
				n: want.n,
				excluded: want.excluded
			});
			if (want.value === null) expect(figure.value).toBeNull();
			else expect(figure.value).toBeCloseTo(want.value, 9);
		}
		// The cells of each breakdown add up to the whole.
		const total = figures.find((f) => f.period === null && f.cells.every((c) => c === null))!;
		const byGender = figures.filter(
			(f) => f.period === null && f.cells[0] !== null && f.cells[1] === null
		);
		expect(byGender.reduce((a, f) => a + f.n + f.excluded, 0)).toBe(total.n + total.excluded);
	});

	it('reads nothing without surveys or periods', async () => {
		const rule: IndicatorRule = { kind: 'count' };
		expect(
			await computeFigures(db, { orgId: org.id, surveyIds: [], rule, periods, dimensions: [] })
		).toEqual([]);
		expect(
			await computeFigures(db, {
				orgId: org.id,
				surveyIds: [surveyId],
				rule,
				periods: [],
				dimensions: []
			})
		).toEqual([]);
	});

	it('counts every in-period response of the survey once, and no other', async () => {
		const figures = await computeFigures(db, {
			orgId: org.id,
			surveyIds: [surveyId],
			rule: { kind: 'count' },
			periods,
			dimensions: []
		});
		const inside = stored.filter(
			(s) => s.submittedOn >= '2025-01-01' && s.submittedOn <= '2025-09-30'
		);
		expect(figures.find((f) => f.period === null)?.n).toBe(inside.length);
		expect(inside.length).toBeLessThan(stored.length);
	});
});

describe('computeFiguresBatch', () => {
	// With a median the batch aggregates every response at once; without, in two stages.
	it.each([
		['with a median', rules],
		['without a median', rules.filter((r) => r.kind !== 'median')]
	])('gives each indicator of a batch what it gets alone (%s)', async (_, batchRules) => {
		const items = batchRules.map((rule, i) => ({
			rule,
			// Different, overlapping breakdowns, so rows of one item's sets must not leak into another's.
			dimensions: [['gender', 'channel'], ['language'], [], ['channel', 'gender', 'language']][
				i % 4
			]!
		}));
		const batch = await computeFiguresBatch(db, {
			orgId: org.id,
			surveyIds: [surveyId],
			periods,
			items
		});
		for (const [i, item] of items.entries()) {
			const alone = await computeFigures(db, {
				orgId: org.id,
				surveyIds: [surveyId],
				periods,
				...item
			});
			const key = (f: FigureRow) => JSON.stringify([f.period, f.cells]);
			const sort = (xs: FigureRow[]) => [...xs].sort((a, b) => key(a).localeCompare(key(b)));
			const [got, want] = [sort(batch[i]!), sort(alone)];
			expect(got.map(key)).toEqual(want.map(key));
			for (const [j, row] of got.entries()) {
				expect([row.n, row.excluded]).toEqual([want[j]!.n, want[j]!.excluded]);
				// Sums in another order may differ in the last bits.
				if (want[j]!.value === null) expect(row.value).toBeNull();
				else expect(row.value).toBeCloseTo(want[j]!.value!, 9);
			}
		}
	});
});
