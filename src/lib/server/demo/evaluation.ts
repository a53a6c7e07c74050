import { viewerOf } from '../auth/viewer';
import { eq, sql } from 'drizzle-orm';
import type { DacCriterion, EvidenceRef, Priority, Strength } from '../../evaluations/model';
import { findUserByEmail } from '../auth/service';
import type { Db } from '../db';
import { codedAnswers, organisations } from '../db/schema';
import { createTheme } from '../evaluations/coding';
import { addEvidence, addFinding } from '../evaluations/findings';
import { addQuestion } from '../evaluations/questions';
import { addRecommendation, respond, type ResponseInput } from '../evaluations/recommendations';
import { createEvaluation, listEvaluations } from '../evaluations/service';
import { findOrganisation } from '../orgs/service';
import { listProgrammes, loadLogframe } from '../programmes/service';
import { publish, reportOf, saveReportText, submitForReview } from '../reports/service';
import { listSurveys } from '../surveys/service';
import { DEMO_PROGRAMME_NAME } from './programme';
import { DEMO_ORG_SLUG, DEMO_SURVEY_NAME, type DemoContext } from './seed';
import { PROBLEM_ANSWERS, type ProblemTheme } from './simulate';

/**
 * The demo programme's midline evaluation: questions under all six DAC criteria, a codebook
 * with the simulated open-text answers coded (in all four languages), nine findings with their
 * evidence, recommendations with management responses, and its report published — so the
 * donor portal has something real to show. Everything goes through the same services the
 * pages use (validation, audit log), except the coding, written in one statement per theme.
 */

export const DEMO_EVALUATION_TITLE = 'Midline evaluation 2025–2026';
const STARTS = '2025-01-01';
const ENDS = '2026-06-30';

const THEMES: { key: Exclude<ProblemTheme, 'none'>; name: string; description: string }[] = [
	{
		key: 'work',
		name: 'Clashes with work',
		description: 'Appointments in working hours; lost pay.'
	},
	{
		key: 'stigma',
		name: 'Being found out',
		description: 'Employers, neighbours or family learning about the support.'
	},
	{
		key: 'transport',
		name: 'Cost of transport',
		description: 'Travel to the centre costs too much.'
	},
	{ key: 'waiting', name: 'Waiting', description: 'Long waits for appointments or answers.' },
	{
		key: 'language',
		name: 'Language barriers',
		description: 'Not understanding staff or documents.'
	},
	{
		key: 'reprisal',
		name: 'Fear of reprisal',
		description: 'Fear of the people who exploited them.'
	}
];

const QUESTIONS: { criterion: DacCriterion; text: string; codes: string[] }[] = [
	{
		criterion: 'relevance',
		text: 'Does the support answer what survivors say they need most?',
		codes: ['OC2.1', 'OC2.3']
	},
	{
		criterion: 'coherence',
		text: 'Do referrals to partner services fit together for the survivor?',
		codes: ['OP4.1']
	},
	{
		criterion: 'effectiveness',
		text: 'Do survivors feel safer and know where to turn, and for which groups less so?',
		codes: ['OC1.1', 'OC1.2']
	},
	{
		criterion: 'efficiency',
		text: 'Is support given on time, without long waits?',
		codes: ['OC2.4']
	},
	{
		criterion: 'impact',
		text: 'What difference, intended or not, has the support made to survivors’ lives?',
		codes: ['OC3.1', 'OC3.2']
	},
	{
		criterion: 'sustainability',
		text: 'Will survivors’ income and support networks last after the programme?',
		codes: ['OC3.1', 'OP5.1']
	}
];

type Evidence =
	| { indicator: string; period?: string; dimension?: string }
	| { theme: Exclude<ProblemTheme, 'none'>; dimension?: string }
	| { paraphrase: string };

const FINDINGS: {
	criterion: DacCriterion;
	strength: Strength;
	statement: string;
	evidence: Evidence[];
}[] = [
	{
		criterion: 'relevance',
		strength: 'strong',
		statement:
			'Most survivors are satisfied with the support, and satisfaction is similar by web and by SMS.',
		evidence: [{ indicator: 'OC2.1', dimension: 'channel' }]
	},
	{
		criterion: 'relevance',
		strength: 'moderate',
		statement: 'Survivors want more say in decisions about their support than they have so far.',
		evidence: [
			{ indicator: 'OC2.3' },
			{
				paraphrase: 'Several people said plans were explained to them rather than made with them.'
			}
		]
	},
	{
		criterion: 'coherence',
		strength: 'limited',
		statement:
			'Referrals to partners are completed, but survivors describe having to tell their story again at each service.',
		evidence: [
			{ indicator: 'OP4.1' },
			{ paraphrase: 'People described repeating their story to each new service.' }
		]
	},
	{
		criterion: 'effectiveness',
		strength: 'strong',
		statement:
			'Feeling of safety has risen since the baseline, though less among the youngest survivors.',
		evidence: [{ indicator: 'OC1.1', dimension: 'age_band' }]
	},
	{
		criterion: 'effectiveness',
		strength: 'moderate',
		statement: 'Most survivors know where to get help if they are at risk again.',
		evidence: [{ indicator: 'OC1.2', dimension: 'gender' }]
	},
	{
		criterion: 'efficiency',
		strength: 'strong',
		statement:
			'Waiting remains the most common problem survivors report, and appointments clash with work.',
		evidence: [
			{ indicator: 'OC2.4', dimension: 'channel' },
			{ theme: 'waiting', dimension: 'language' },
			{ theme: 'work' }
		]
	},
	{
		criterion: 'impact',
		strength: 'moderate',
		statement:
			'Some survivors were found out by employers, neighbours or family because of the support — an unintended harm.',
		evidence: [{ theme: 'stigma', dimension: 'language' }, { theme: 'reprisal' }]
	},
	{
		criterion: 'impact',
		strength: 'moderate',
		statement: 'More survivors have a regular income than at the baseline.',
		evidence: [{ indicator: 'OC3.1' }]
	},
	{
		criterion: 'sustainability',
		strength: 'limited',
		statement:
			'Support networks are growing, but the cost of transport keeps some survivors from staying in touch with services.',
		evidence: [{ indicator: 'OC3.2' }, { theme: 'transport' }]
	}
];

const RECOMMENDATIONS: {
	text: string;
	priority: Priority;
	addressedTo: string;
	dueOn: string;
	findings: number[];
	response: ResponseInput;
}[] = [
	{
		text: 'Offer appointments in the evening and at weekends, and by phone where safe.',
		priority: 'high',
		addressedTo: 'Case management team',
		dueOn: '2026-09-30',
		findings: [5],
		response: {
			decision: 'accepted',
			action: 'Two evening sessions a week at both shelters; phone follow-ups on request.',
			actionOwner: 'Head of case management',
			respondedOn: '2026-07-20',
			actionState: 'inProgress'
		}
	},
	{
		text: 'Review how contact is made with survivors so that no one is found out because of it.',
		priority: 'high',
		addressedTo: 'Programme manager',
		dueOn: '2026-08-31',
		findings: [6],
		response: {
			decision: 'accepted',
			action:
				'Neutral sender names for calls and messages; staff guidance on visits; a safe-contact question at intake.',
			actionOwner: 'Protection officer',
			respondedOn: '2026-07-20',
			actionState: 'done'
		}
	},
	{
		text: 'Refund transport to appointments in cash on the day.',
		priority: 'medium',
		addressedTo: 'Finance and operations',
		dueOn: '2026-10-31',
		findings: [8],
		response: {
			decision: 'partial',
			action: 'Transport refunds for survivors living more than 5 km away, within the budget line.',
			actionOwner: 'Finance officer',
			respondedOn: '2026-07-25',
			actionState: 'inProgress'
		}
	},
	{
		text: 'Agree one shared referral form with partners so survivors tell their story once.',
		priority: 'medium',
		addressedTo: 'Referral partners’ working group',
		dueOn: '2026-12-31',
		findings: [2],
		response: {
			decision: 'notAccepted',
			action:
				'Partners’ data-protection rules do not allow a shared form yet; a consent-based summary sheet will be piloted instead.',
			actionOwner: 'Partnerships coordinator',
			respondedOn: '2026-08-05',
			actionState: 'notStarted'
		}
	}
];

const REPORT = {
	title: 'Safe Futures — midline evaluation report',
	summary:
		'Halfway through the programme, survivors who answered the anonymous feedback survey are mostly satisfied with the support and feel safer than at the baseline. Waiting times, appointments that clash with work and the cost of transport are the problems they raise most. A small number were found out because of the support; the programme has changed how it contacts people. Four recommendations were made; three were accepted in full or in part.',
	whatDidNotWork:
		'The target for survivors having a say in decisions about their support is not on track. Referrals were completed, but survivors repeat their story at each service. Evening appointments started late in the first year.',
	unintendedEffects:
		'Negative: some survivors were found out by employers, neighbours or family because of visits or calls. Positive: survivors who joined vocational training report more people they can rely on.',
	limitations:
		'Respondents chose to answer, so the figures describe those who answered, not every person assisted. Answers are anonymous and cannot be followed over time. Groups smaller than the minimum cell size are not shown. Open-text answers were coded by one analyst.'
};

export async function seedDemoEvaluation({ db, ownerEmail }: DemoContext): Promise<void> {
	const org = await findOrganisation(db, DEMO_ORG_SLUG);
	const owner = await findUserByEmail(db, ownerEmail);
	if (!org || !owner) return;
	const actor = { id: owner.id, email: owner.email };
	const programme = (await listProgrammes(db, org.id, { user: owner, role: 'owner' })).find(
		(p) => p.name === DEMO_PROGRAMME_NAME
	);
	const survey = (await listSurveys(db, org.id)).find((s) => s.name === DEMO_SURVEY_NAME);
	if (!programme || !survey) return;
	if (
		(await listEvaluations(db, org.id, programme.id)).some((e) => e.title === DEMO_EVALUATION_TITLE)
	)
		return;

	const evaluation = await createEvaluation(db, actor, org.id, programme.id, {
		kind: 'midline',
		title: DEMO_EVALUATION_TITLE,
		startsOn: STARTS,
		endsOn: ENDS,
		purpose:
			'Learn what works for survivors halfway through the programme, and account to the donor for results so far.',
		methodology:
			'Indicators computed from the anonymous feedback survey (web and SMS, four languages) and from case records; open-text answers coded with a codebook of six themes; findings reviewed with frontline staff.',
		limitations: REPORT.limitations,
		surveyIds: [survey.id]
	});

	const themeIds = new Map<string, string>();
	for (const theme of THEMES) {
		const created = await createTheme(db, actor, org.id, evaluation.id, {
			name: theme.name,
			description: theme.description
		});
		if (!created.ok) throw new Error(`demo theme ${theme.name}: ${created.error}`);
		themeIds.set(theme.key, created.id);
	}
	await codeSimulatedAnswers(db, org.id, evaluation.id, survey.id, owner.id, themeIds);

	const logframe = await loadLogframe(db, org.id, programme.id);
	const indicatorId = (code: string) => {
		const found = logframe.indicators.find((i) => i.code === code);
		if (!found) throw new Error(`demo indicator ${code} missing`);
		return found.id;
	};
	const questionIds = new Map<DacCriterion, string>();
	for (const q of QUESTIONS) {
		const added = await addQuestion(db, actor, org.id, evaluation.id, {
			criterion: q.criterion,
			text: q.text,
			nodeIds: [
				...new Set(q.codes.map((code) => logframe.indicators.find((i) => i.code === code)!.nodeId))
			],
			indicatorIds: q.codes.map(indicatorId)
		});
		if (!added.ok) throw new Error(`demo question: ${added.error}`);
		questionIds.set(q.criterion, added.id);
	}

	const findingIds: string[] = [];
	for (const f of FINDINGS) {
		const added = await addFinding(db, actor, org.id, evaluation.id, {
			statement: f.statement,
			criterion: f.criterion,
			questionId: questionIds.get(f.criterion) ?? null,
			strength: f.strength
		});
		if (!added.ok) throw new Error(`demo finding: ${added.error}`);
		findingIds.push(added.id);
		for (const e of f.evidence) {
			const ref: EvidenceRef =
				'indicator' in e
					? {
							kind: 'indicator',
							indicatorId: indicatorId(e.indicator),
							period: e.period ?? 'all',
							dimension: e.dimension ?? null
						}
					: 'theme' in e
						? { kind: 'theme', themeId: themeIds.get(e.theme)!, dimension: e.dimension ?? null }
						: { kind: 'paraphrase', text: e.paraphrase };
			const attached = await addEvidence(db, actor, org.id, evaluation.id, added.id, ref);
			if (!attached.ok) throw new Error(`demo evidence: ${attached.error}`);
		}
	}

	for (const r of RECOMMENDATIONS) {
		const added = await addRecommendation(db, actor, org.id, evaluation.id, {
			text: r.text,
			priority: r.priority,
			addressedTo: r.addressedTo,
			dueOn: r.dueOn,
			findingIds: r.findings.map((i) => findingIds[i]!)
		});
		if (!added.ok) throw new Error(`demo recommendation: ${added.error}`);
		const responded = await respond(db, actor, org.id, evaluation.id, added.id, r.response);
		if (!responded) throw new Error('demo management response refused');
	}

	const [orgRow] = await db.select().from(organisations).where(eq(organisations.id, org.id));
	await reportOf(db, org.id, evaluation.id);
	const saved = await saveReportText(db, org.id, evaluation.id, {
		...REPORT,
		language: 'en',
		changeNote: ''
	});
	if (!saved.ok) throw new Error(`demo report: ${saved.reason}`);
	const submitted = await submitForReview(db, actor, org.id, evaluation.id);
	if (!submitted.ok) throw new Error(`demo report review: ${submitted.reason}`);
	const published = await publish(db, viewerOf(owner, orgRow!, 'owner'), evaluation.id, {
		today: new Date().toISOString().slice(0, 10)
	});
	if (!published.ok) throw new Error(`demo report publication: ${published.reason}`);
}

/**
 * The simulated answers are drawn from PROBLEM_ANSWERS, so each one's theme is known: every
 * answer within the evaluation's dates is coded as an analyst would have (answers saying there
 * was no problem are coded with no theme). One statement per theme, whatever the language.
 */
async function codeSimulatedAnswers(
	db: Db,
	orgId: string,
	evaluationId: string,
	surveyId: string,
	coderId: string,
	themeIds: Map<string, string>
) {
	const texts = (theme: ProblemTheme) =>
		Object.values(PROBLEM_ANSWERS).flatMap((byTheme) => [...byTheme[theme]]);
	const themes: [ProblemTheme, string[]][] = [
		...THEMES.map((t) => [t.key, [themeIds.get(t.key)!]] as [ProblemTheme, string[]]),
		['none', []]
	];
	for (const [theme, ids] of themes)
		await db.execute(sql`
			insert into ${codedAnswers} (evaluation_id, response_id, question, theme_ids, coded_by)
			select ${evaluationId}, r.id, 'problems_caused', ${JSON.stringify(ids)}::jsonb, ${coderId}
			from responses r
			where r.org_id = ${orgId} and r.survey_id = ${surveyId}
				and r.submitted_on between ${STARTS}::date and ${ENDS}::date
				and r.answers ->> 'problems_caused' = any(array(select jsonb_array_elements_text(${JSON.stringify(texts(theme))}::jsonb)))
			on conflict do nothing`);
}
