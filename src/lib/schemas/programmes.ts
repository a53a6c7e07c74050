import { z } from 'zod';
import { UI_LANGUAGES } from '../i18n/languages';
import { ICAT_ACTIVITY_TYPES, LEVELS, PERIOD_KINDS, type Period } from '../programmes/model';
import { periodsProblem } from '../programmes/periods';
import { uuid } from './fields';

/**
 * Forms of the programme pages (the list's create form, the settings page's details, donors
 * and delete forms) and the query strings of the two exports. Messages are translation keys.
 */

export const MAX_NAME = 200;
export const MAX_DESCRIPTION = 4000;
export const MAX_GOAL = 1000;
export const MAX_PLACES = 50;
export const MAX_PLACE = 100;
export const MAX_CUSTOM_PERIODS = 40;
export const MAX_LEVEL_LABEL = 60;
export const MAX_YEARS = 10;

export function isRealDay(value: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
	const day = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === value;
}

const day = z.string().trim().min(1, 'validation.required').refine(isRealDay, 'validation.date');

/** Checkboxes post nothing, one value or several: always a list here. */
const checkboxes = <T extends z.ZodType>(item: T, max: number) =>
	z.preprocess(
		(v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]),
		z.array(item).max(max, 'validation.tooLong')
	);

/** "Kenya, Uganda" → ["Kenya", "Uganda"]: commas (also the Arabic ،) or line breaks separate. */
export function splitPlaces(text: string): string[] {
	const seen = new Set<string>();
	return text
		.split(/[,،\n]/)
		.map((p) => p.trim().replace(/\s+/g, ' '))
		.filter((p) => {
			const key = p.toLocaleLowerCase();
			if (!p || seen.has(key)) return false;
			seen.add(key);
			return true;
		});
}

const places = z
	.string()
	.optional()
	.transform((v) => splitPlaces(v ?? ''))
	.refine((list) => list.length <= MAX_PLACES, 'programmes.errors.tooManyPlaces')
	.refine((list) => list.every((p) => p.length <= MAX_PLACE), 'programmes.errors.placeTooLong');

const PERIOD_KEY = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/;

/** One custom period per line as `key; name; start; end` (the name may be left out). */
export function parsePeriods(
	text: string
): { ok: true; periods: Period[] } | { ok: false; error: string } {
	const lines = text
		.split(/\r?\n/)
		.map((l) => l.trim())
		.filter(Boolean);
	if (lines.length > MAX_CUSTOM_PERIODS)
		return { ok: false, error: 'programmes.errors.tooManyPeriods' };
	const periods: Period[] = [];
	for (const line of lines) {
		const parts = line.split(/[;؛]/).map((p) => p.trim());
		if (parts.length === 3) parts.splice(1, 0, '');
		if (parts.length !== 4) return { ok: false, error: 'programmes.errors.periodLine' };
		const [key, label, start, end] = parts as [string, string, string, string];
		if (!PERIOD_KEY.test(key)) return { ok: false, error: 'programmes.errors.periodKey' };
		if (label.length > 100) return { ok: false, error: 'programmes.errors.periodLine' };
		if (!isRealDay(start) || !isRealDay(end))
			return { ok: false, error: 'programmes.errors.periodDate' };
		periods.push({ key, ...(label ? { label } : {}), start, end });
	}
	const problem = periodsProblem(periods);
	if (problem) return { ok: false, error: `programmes.errors.period_${problem}` };
	return { ok: true, periods: [...periods].sort((a, b) => a.start.localeCompare(b.start)) };
}

/** The textarea's text for stored periods: the same format the form reads. */
export function periodsText(periods: readonly Period[]): string {
	return periods.map((p) => `${p.key}; ${p.label ?? ''}; ${p.start}; ${p.end}`).join('\n');
}

/** The last day a programme starting on `start` may end: ten years of whole months at most. */
export function latestEnd(start: string): string {
	const year = Number(start.slice(0, 4)) + MAX_YEARS;
	const limit = new Date(Date.UTC(year, Number(start.slice(5, 7)) - 1, 1) - 86_400_000);
	return limit.toISOString().slice(0, 10);
}

const programmeFields = {
	name: z.string().trim().min(1, 'validation.required').max(MAX_NAME, 'validation.tooLong'),
	description: z.string().trim().max(MAX_DESCRIPTION, 'validation.tooLong').optional().default(''),
	startsOn: day,
	endsOn: day,
	periodKind: z.enum(PERIOD_KINDS, 'validation.invalid').default('quarterly'),
	periods: z.string().max(20_000, 'validation.tooLong').optional().default(''),
	icatTags: checkboxes(
		z.enum(ICAT_ACTIVITY_TYPES, 'validation.invalid'),
		ICAT_ACTIVITY_TYPES.length
	),
	countries: places,
	sites: places
};

type FieldsOut = {
	startsOn: string;
	endsOn: string;
	periodKind: (typeof PERIOD_KINDS)[number];
	periods: string;
	icatTags: string[];
};

/** Dates in order and at most ten years apart; custom periods well-formed and inside them. */
function checkDates<T extends FieldsOut>(value: T, ctx: z.RefinementCtx) {
	const issue = (path: string, message: string) =>
		ctx.addIssue({ code: 'custom', path: [path], message });
	if (isRealDay(value.startsOn) && isRealDay(value.endsOn)) {
		if (value.endsOn < value.startsOn) issue('endsOn', 'programmes.errors.endBeforeStart');
		else if (value.endsOn > latestEnd(value.startsOn)) issue('endsOn', 'programmes.errors.tooLong');
	}
	if (value.periodKind !== 'custom') return;
	const parsed = parsePeriods(value.periods);
	if (!parsed.ok) return issue('periods', parsed.error);
	if (parsed.periods.length === 0) return issue('periods', 'programmes.errors.noPeriods');
	if (parsed.periods.some((p) => p.start < value.startsOn || p.end > value.endsOn))
		issue('periods', 'programmes.errors.periodOutside');
}

/** Stored fields: the custom periods parsed (kept only for custom reporting), tags deduplicated. */
function toInput<T extends FieldsOut>(value: T) {
	const { periods, ...rest } = value;
	const parsed = value.periodKind === 'custom' ? parsePeriods(periods) : null;
	return {
		...rest,
		icatTags: [...new Set(value.icatTags)],
		customPeriods: parsed?.ok ? parsed.periods : []
	};
}

/** The list page's "New programme" form; the goal statement becomes the logframe's goal. */
export const createProgrammeSchema = z
	.object({
		...programmeFields,
		goal: z.string().trim().max(MAX_GOAL, 'validation.tooLong').optional().default('')
	})
	.superRefine(checkDates)
	.transform(toInput);

const levelLabel = z
	.string()
	.trim()
	.max(MAX_LEVEL_LABEL, 'validation.tooLong')
	.optional()
	.default('');
const percentage = z
	.string()
	.trim()
	.min(1, 'validation.required')
	.transform(Number)
	.pipe(
		z
			.number('programmeSettings.errors.threshold')
			.min(0, 'programmeSettings.errors.threshold')
			.max(100, 'programmeSettings.errors.threshold')
	);

/** The form field of a level's label. */
export const levelField = (level: (typeof LEVELS)[number]) =>
	`level${level[0]!.toUpperCase()}${level.slice(1)}` as const;

/**
 * The settings page's details form: the programme's fields, its names for the four levels
 * (blank for the default name) and its status bands as percentages of the distance from
 * baseline to target (0 ≤ at risk ≤ off track ≤ 100), stored as fractions.
 */
export const programmeDetailsSchema = z
	.object({
		...programmeFields,
		levelGoal: levelLabel,
		levelOutcome: levelLabel,
		levelOutput: levelLabel,
		levelActivity: levelLabel,
		atRisk: percentage,
		offTrack: percentage
	})
	.superRefine((value, ctx) => {
		checkDates(value, ctx);
		if (value.atRisk > value.offTrack)
			ctx.addIssue({
				code: 'custom',
				path: ['offTrack'],
				message: 'programmeSettings.errors.thresholdOrder'
			});
	})
	.transform((value) => {
		const { levelGoal, levelOutcome, levelOutput, levelActivity, atRisk, offTrack, ...fields } =
			value;
		const labels = {
			goal: levelGoal,
			outcome: levelOutcome,
			output: levelOutput,
			activity: levelActivity
		};
		return {
			...toInput(fields),
			// Blank is "the default name" (shown in the reader's language); all blank is null.
			levelLabels: Object.values(labels).some(Boolean) ? labels : null,
			atRisk: atRisk / 100,
			offTrack: offTrack / 100
		};
	});

/** The donors form: exactly the ticked donors (none ticked detaches all). */
export const programmeDonorsSchema = z.object({ donors: checkboxes(uuid, 500) });

/** Deleting asks for the programme's name, typed: it takes the logframe and its figures with it. */
export function deleteProgrammeSchema(name: string) {
	return z.object({
		confirmName: z
			.string('programmeSettings.errors.confirmName')
			.trim()
			.refine((v) => v === name.trim(), 'programmeSettings.errors.confirmName')
	});
}

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;

/** `?format=csv|xlsx&lang=xx` of the indicator table; lang is an interface language. */
export const indicatorExportQuerySchema = z.object({
	format: z.enum(EXPORT_FORMATS).default('csv'),
	lang: z.enum(UI_LANGUAGES).optional()
});

/**
 * `?format=csv|xlsx&lang=xx&version=N` of the responses export; lang is a language of the
 * survey (checked against its versions by the export), version a published version's number.
 */
export const responsesExportQuerySchema = z.object({
	format: z.enum(EXPORT_FORMATS).default('csv'),
	lang: z
		.string()
		.regex(/^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8}){0,3}$/)
		.optional(),
	version: z.coerce.number().int().min(1).max(1_000_000).optional()
});
