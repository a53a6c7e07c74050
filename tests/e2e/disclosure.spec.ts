import { expect, request as playwrightRequest, test } from '@playwright/test';
import { unflatten } from 'devalue';
import { recoverable, type DonorRelease } from '../../src/lib/server/disclosure/attacker';
import type { IndicatorView } from '../../src/lib/server/indicators/present';
import { signInRequest } from './support/auth';
import { BASE_URL } from './support/users';

/**
 * The tester's attack, over HTTP as a donor can make it (issue 13): read the demo programme's
 * dashboard data — to date and every period the donor may choose — and give every shown figure
 * to a linear-programming attacker. On the first build the donor saw every quarter of OP5.1 but
 * 2026-Q4 and "all periods so far" = 195, so the hidden quarter was 195 − 193 = 2; no hidden
 * count may now be narrower than k.
 */

interface Results {
	periods: { key: string; start: string; end: string }[];
	indicators: IndicatorView[];
	k: number;
}

test('a donor can pin down no hidden count of the demo programme', async () => {
	const donor = await playwrightRequest.newContext({ baseURL: BASE_URL });
	await signInRequest(donor, 'donor');
	const programmes = await (await donor.get('/o/demo/programmes')).text();
	const id = /\/o\/demo\/programmes\/([0-9a-f-]{36})/.exec(programmes)?.[1];
	expect(id, 'the donor sees the demo programme').toBeTruthy();

	/** The dashboard's data as the browser receives it (SvelteKit's __data.json). */
	const resultsOf = async (query: string): Promise<Results> => {
		const response = await donor.get(`/o/demo/programmes/${id}/__data.json${query}`);
		expect(response.status()).toBe(200);
		const body = (await response.json()) as { nodes: ({ data?: unknown[] } | null)[] };
		const page = body.nodes.at(-1)!;
		return (unflatten(page.data as never) as { results: Results }).results;
	};
	const all = await resultsOf('');
	const byScope: DonorRelease['byScope'] = { all: all.indicators };
	for (const period of all.periods) {
		const scoped = await resultsOf(`?period=${period.key}`);
		byScope[period.key] = scoped.indicators;
	}
	const found = await recoverable(
		{ periods: all.periods, byScope, counts: null },
		{
			scales: {},
			surveys: Object.fromEntries(
				all.indicators.filter((i) => i.source === 'survey').map((i) => [i.id, ['demo survey']])
			),
			countsResponses: {}
		},
		all.k
	);
	expect(found).toEqual([]);
	await donor.dispose();
});
