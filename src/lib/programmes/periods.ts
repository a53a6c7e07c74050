import type { Period, PeriodKind } from './model';

/**
 * Reporting periods of a programme: calendar months or quarters clipped to the programme's
 * dates, or the programme's own custom periods. Dates are ISO strings (UTC calendar days), so
 * comparisons are string comparisons and no time zone can shift a response into another period.
 */

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** At most this many periods: ten years of months. More is a typo in a date, not a programme. */
export const MAX_PERIODS = 120;

export function periodsOf(programme: {
	startsOn: string;
	endsOn: string;
	periodKind: PeriodKind;
	customPeriods?: readonly Period[];
}): Period[] {
	const { startsOn, endsOn, periodKind } = programme;
	if (periodKind === 'custom')
		return [...(programme.customPeriods ?? [])].sort((a, b) => a.start.localeCompare(b.start));
	const months = periodKind === 'monthly' ? 1 : 3;
	let year = Number(startsOn.slice(0, 4));
	let month = Number(startsOn.slice(5, 7));
	month -= (month - 1) % months;
	const periods: Period[] = [];
	while (periods.length < MAX_PERIODS) {
		const start = iso(year, month, 1);
		if (start > endsOn) break;
		const endMonth = month + months - 1;
		const end = iso(year, endMonth, lastDay(year, endMonth));
		periods.push({
			key: months === 1 ? `${year}-${pad(month)}` : `${year}-Q${(month + 2) / 3}`,
			start: start < startsOn ? startsOn : start,
			end: end > endsOn ? endsOn : end
		});
		month += months;
		if (month > 12) {
			month -= 12;
			year++;
		}
	}
	return periods;
}

/** The periods that have begun by `today`: later ones have no figures to show yet. */
export function periodsSoFar(periods: readonly Period[], today: string): Period[] {
	return periods.filter((p) => p.start <= today);
}

/** Share of the programme's days elapsed by `today`, from 0 to 1: expected progress by time. */
export function elapsedShare(startsOn: string, endsOn: string, today: string): number {
	const day = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;
	const total = day(endsOn) - day(startsOn) + 1;
	const done = day(today) - day(startsOn) + 1;
	return Math.min(1, Math.max(0, done / total));
}

/** Whether custom periods are usable: each well-formed, in order, and none overlapping. */
export function periodsProblem(
	periods: readonly Period[]
): 'order' | 'overlap' | 'duplicate' | null {
	const keys = new Set<string>();
	const sorted = [...periods].sort((a, b) => a.start.localeCompare(b.start));
	for (const [i, p] of sorted.entries()) {
		if (keys.has(p.key)) return 'duplicate';
		keys.add(p.key);
		if (p.start > p.end) return 'order';
		const previous = sorted[i - 1];
		if (previous && previous.end >= p.start) return 'overlap';
	}
	return null;
}
