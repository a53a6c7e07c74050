import { findUserByEmail } from '../auth/service';
import type { IndicatorRule } from '../indicators/math';
import { findOrganisation } from '../orgs/service';
import {
	addIndicator,
	addNode,
	createProgramme,
	listProgrammes,
	loadLogframe,
	setManualValue,
	type IndicatorInput
} from '../programmes/service';
import { listSurveys } from '../surveys/service';
import { DEMO_ORG_SLUG, DEMO_SURVEY_NAME, type DemoContext } from './seed';

export const DEMO_PROGRAMME_NAME = 'Safe Futures 2025–2026';

const PERSON = ['gender', 'age_band', 'exploitation_form'];
const QUARTERS = [
	'2025-Q1',
	'2025-Q2',
	'2025-Q3',
	'2025-Q4',
	'2026-Q1',
	'2026-Q2',
	'2026-Q3',
	'2026-Q4'
];

interface DemoIndicator {
	code: string;
	statement: string;
	unit: string;
	rule?: IndicatorRule;
	direction?: 'increase' | 'decrease';
	baseline: number;
	target: number;
	milestones?: Record<string, number>;
	disaggregations?: string[];
	means: string;
	/** Manual values per quarter: [value, people counted or null]. */
	values?: [number, number | null][];
}

interface DemoOutput {
	narrative: string;
	assumptions: string;
	activities: string[];
	indicator: DemoIndicator;
}

interface DemoOutcome {
	narrative: string;
	assumptions: string;
	indicators: DemoIndicator[];
	outputs: DemoOutput[];
}

const FEEDBACK = 'Anonymous survivor feedback survey (web and SMS), quarterly';

/** The demo logframe: 1 goal, 3 outcomes, 5 outputs, 9 activities, 13 indicators (8 from the survey). */
const OUTCOMES: DemoOutcome[] = [
	{
		narrative: 'Survivors feel safe and know where to turn after receiving support',
		assumptions: 'Referral partners keep their services open; survivors can answer privately.',
		indicators: [
			{
				code: 'OC1.1',
				statement: 'Mean feeling-of-safety score of assisted survivors (0–10)',
				unit: 'score 0–10',
				rule: { kind: 'mean', question: 'safety_today' },
				baseline: 5.2,
				target: 7,
				milestones: { '2025-Q4': 6, '2026-Q4': 7 },
				disaggregations: PERSON,
				means: FEEDBACK
			},
			{
				code: 'OC1.2',
				statement: '% of assisted survivors who know where to get help if at risk again',
				unit: '%',
				rule: {
					kind: 'percentInSet',
					question: 'know_where_help',
					choices: ['strongly_agree', 'agree']
				},
				baseline: 55,
				target: 85,
				disaggregations: PERSON,
				means: FEEDBACK
			}
		],
		outputs: [
			{
				narrative: 'Survivors receive safe accommodation and case management',
				assumptions: 'Shelter places remain funded.',
				activities: [
					'Run two shelters with 24-hour staff',
					'Assign a caseworker to every survivor within 48 hours'
				],
				indicator: {
					code: 'OP1.1',
					statement: 'Number of survivors receiving case management',
					unit: 'people',
					baseline: 0,
					target: 900,
					means: 'Case management records',
					values: [
						[62, 62],
						[85, 85],
						[97, 97],
						[110, 110],
						[118, 118],
						[126, 126],
						[131, 131],
						[40, 40]
					]
				}
			},
			{
				narrative: 'Survivors obtain legal aid in criminal and civil proceedings',
				assumptions: 'Courts accept survivor-friendly procedures.',
				activities: ['Fund a legal-aid clinic with partner lawyers'],
				indicator: {
					code: 'OP2.1',
					statement: 'Number of survivors assisted by legal aid',
					unit: 'people',
					baseline: 0,
					target: 180,
					means: 'Legal-aid clinic register',
					values: [
						[9, 9],
						[14, 14],
						[4, 4],
						[21, 21],
						[25, 25],
						[18, 18],
						[27, 27],
						[3, 3]
					]
				}
			}
		]
	},
	{
		narrative:
			'Survivors are satisfied with services that treat them with respect and involve them',
		assumptions: 'Staff turnover stays low enough for trained staff to remain in post.',
		indicators: [
			{
				code: 'OC2.1',
				statement: '% of assisted survivors very or fairly satisfied with the support',
				unit: '%',
				rule: {
					kind: 'percentInSet',
					question: 'satisfaction',
					choices: ['very_satisfied', 'fairly_satisfied']
				},
				baseline: 62,
				target: 80,
				milestones: { '2025-Q4': 68, '2026-Q2': 74, '2026-Q4': 80 },
				disaggregations: [...PERSON, 'channel'],
				means: FEEDBACK
			},
			{
				code: 'OC2.2',
				statement: '% of assisted survivors who agree that staff treated them with respect',
				unit: '%',
				rule: { kind: 'percentInSet', question: 'respect', choices: ['strongly_agree', 'agree'] },
				baseline: 70,
				target: 90,
				disaggregations: PERSON,
				means: FEEDBACK
			},
			{
				code: 'OC2.3',
				statement: '% of assisted survivors who had a say in decisions about their support',
				unit: '%',
				rule: {
					kind: 'percentInSet',
					question: 'say_in_decisions',
					choices: ['strongly_agree', 'agree']
				},
				baseline: 45,
				target: 70,
				disaggregations: PERSON,
				means: FEEDBACK
			},
			{
				code: 'OC2.4',
				statement: '% of assisted survivors who waited too long for support',
				unit: '%',
				rule: { kind: 'percentInSet', question: 'waited_too_long', choices: ['yes'] },
				direction: 'decrease',
				baseline: 35,
				target: 15,
				disaggregations: ['gender', 'channel'],
				means: FEEDBACK
			}
		],
		outputs: [
			{
				narrative: 'Frontline staff apply survivor-centred, trauma-informed practice',
				assumptions: 'Partner agencies release staff for training.',
				activities: [
					'Train frontline staff of the programme and partners',
					'Hold quarterly supervision sessions'
				],
				indicator: {
					code: 'OP3.1',
					statement: 'Number of frontline staff trained who pass the post-training test',
					unit: 'people',
					baseline: 0,
					target: 120,
					means: 'Training attendance and post-test records',
					values: [
						[12, null],
						[18, null],
						[15, null],
						[20, null],
						[14, null],
						[16, null],
						[11, null],
						[0, null]
					]
				}
			},
			{
				narrative: 'Referral pathways with health, legal and employment partners work',
				assumptions: 'Partners share referral outcomes.',
				activities: ['Sign referral agreements with partner services'],
				indicator: {
					code: 'OP4.1',
					statement: 'Number of referrals completed with partner services',
					unit: 'referrals',
					baseline: 0,
					target: 1200,
					means: 'Referral tracking sheet',
					values: [
						[70, 70],
						[96, 96],
						[120, 120],
						[141, 141],
						[150, 150],
						[166, 166],
						[171, 171],
						[52, 52]
					]
				}
			}
		]
	},
	{
		narrative: 'Survivors achieve economic independence and social support',
		assumptions: 'The labour market does not deteriorate sharply.',
		indicators: [
			{
				code: 'OC3.1',
				statement: '% of assisted survivors with a regular income',
				unit: '%',
				rule: { kind: 'percentInSet', question: 'regular_income', choices: ['yes'] },
				baseline: 25,
				target: 50,
				disaggregations: PERSON,
				means: FEEDBACK
			},
			{
				code: 'OC3.2',
				statement: '% of assisted survivors with people they can rely on',
				unit: '%',
				rule: {
					kind: 'percentInSet',
					question: 'people_to_rely_on',
					choices: ['one_or_two', 'several']
				},
				baseline: 50,
				target: 75,
				disaggregations: PERSON,
				means: FEEDBACK
			}
		],
		outputs: [
			{
				narrative: 'Survivors complete vocational training or job placement',
				assumptions: 'Employers take part in placements.',
				activities: [
					'Run vocational courses with local employers',
					'Provide start-up grants for small businesses'
				],
				indicator: {
					code: 'OP5.1',
					statement: 'Number of survivors completing vocational training or a job placement',
					unit: 'people',
					baseline: 0,
					target: 240,
					means: 'Course completion records',
					values: [
						[14, 14],
						[22, 22],
						[25, 25],
						[31, 31],
						[29, 29],
						[34, 34],
						[38, 38],
						[2, 2]
					]
				}
			}
		]
	}
];

function input(indicator: DemoIndicator, surveyId: string): IndicatorInput {
	const manual = !indicator.rule;
	return {
		code: indicator.code,
		statement: indicator.statement,
		unit: indicator.unit,
		kind: indicator.rule?.kind ?? 'count',
		direction: indicator.direction ?? 'increase',
		baselineValue: indicator.baseline,
		baselineDate: '2024-12-15',
		target: indicator.target,
		milestones: indicator.milestones ?? {},
		disaggregations: indicator.disaggregations ?? [],
		meansOfVerification: indicator.means,
		source: manual ? 'manual' : 'survey',
		surveyIds: manual ? [] : [surveyId],
		rule: indicator.rule ?? null
	};
}

/** The demo programme and its logframe, bound to the demo survey; once. */
export async function seedDemoProgramme({ db, ownerEmail }: DemoContext): Promise<void> {
	const org = await findOrganisation(db, DEMO_ORG_SLUG);
	const owner = await findUserByEmail(db, ownerEmail);
	if (!org || !owner) return;
	const viewer = { user: owner, role: 'owner' as const };
	if ((await listProgrammes(db, org.id, viewer)).some((p) => p.name === DEMO_PROGRAMME_NAME))
		return;
	const survey = (await listSurveys(db, org.id)).find((s) => s.name === DEMO_SURVEY_NAME);
	if (!survey) return;
	const actor = { id: owner.id, email: owner.email };
	const programme = await createProgramme(db, actor, org.id, {
		name: DEMO_PROGRAMME_NAME,
		description:
			'Protection, assistance and reintegration for survivors of trafficking in two regions, with anonymous feedback from the people assisted.',
		countries: ['Atlantis', 'Utopia'],
		sites: ['North shelter', 'South shelter'],
		startsOn: '2025-01-01',
		endsOn: '2026-12-31',
		icatTags: ['victim_protection', 'reintegration', 'livelihoods', 'criminal_justice'],
		periodKind: 'quarterly',
		customPeriods: [],
		levelLabels: null,
		atRisk: 0.1,
		offTrack: 0.25,
		goal: 'Survivors of trafficking in the programme regions rebuild safe, self-determined lives'
	});
	const goal = (await loadLogframe(db, org.id, programme.id)).nodes[0]!;
	const add = async (parentId: string, narrative: string, code: string, assumptions = '') => {
		const added = await addNode(db, actor, org.id, programme.id, parentId, {
			narrative,
			code,
			assumptions
		});
		if (!added.ok) throw new Error(`Cannot seed the demo logframe: ${added.error}`);
		return added.id;
	};
	let outputNumber = 0;
	for (const [o, outcome] of OUTCOMES.entries()) {
		const outcomeId = await add(goal.id, outcome.narrative, `${o + 1}`, outcome.assumptions);
		for (const indicator of outcome.indicators)
			await addIndicator(db, actor, org.id, programme.id, outcomeId, input(indicator, survey.id));
		for (const output of outcome.outputs) {
			outputNumber++;
			const outputId = await add(
				outcomeId,
				output.narrative,
				`${o + 1}.${outputNumber}`,
				output.assumptions
			);
			for (const [a, activity] of output.activities.entries())
				await add(outputId, activity, `${o + 1}.${outputNumber}.${a + 1}`);
			const added = await addIndicator(
				db,
				actor,
				org.id,
				programme.id,
				outputId,
				input(output.indicator, survey.id)
			);
			if (!added.ok) continue;
			for (const [q, [value, n]] of (output.indicator.values ?? []).entries())
				await setManualValue(db, actor, org.id, programme.id, added.id, {
					periodKey: QUARTERS[q]!,
					value,
					n,
					note: ''
				});
		}
	}
}
