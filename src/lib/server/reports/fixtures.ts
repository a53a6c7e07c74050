import type {
	ReportSnapshot,
	SnapshotCell,
	SnapshotEvidence,
	SnapshotFigure,
	SnapshotFinding
} from '../../evaluations/model';
import type { DacCriterion } from '../../programmes/model';

/**
 * Realistic published-report snapshots for the PDF and annex tests and the report benchmark:
 * nine findings over all six OECD-DAC criteria, indicator evidence with a trend and breakdowns
 * that hold suppressed cells, theme counts, paraphrases, recommendations with and without a
 * management response. An Arabic variant carries Arabic text throughout, to test shaping and
 * the order text extracts in.
 */

export type FixtureLang = 'en' | 'ar';

const shown = (value: number, n: number | null): SnapshotFigure => ({ shown: true, value, n });
const hidden: SnapshotFigure = { shown: false };

type Breakdown = { dimension: string; label: string; cells: SnapshotCell[] };

const QUARTERS = ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2'];

function trend(values: (number | null)[], lang: FixtureLang) {
	return values.map((value, i) => {
		const key = QUARTERS[i]!;
		const [year, q] = key.split('-Q');
		return {
			key,
			label: lang === 'ar' ? `الربع ${q} ${year}` : `Q${q} ${year}`,
			figure: value === null ? hidden : shown(value, 18 + i * 7)
		};
	});
}

/** The words of the fixture in each language; numbers and structure are shared. */
const WORDS = {
	en: {
		title: 'Safe Futures midline evaluation',
		summary:
			'Two years in, most people who answered feel safer and know where to get help again. ' +
			'Waiting times for legal help and the privacy of SMS reminders are the main concerns.\n' +
			'This report draws on 412 anonymous survey responses and the programme’s monitoring data.',
		programme: 'Safe Futures 2025–2026',
		description:
			'Shelter, counselling, legal help and livelihood support for people who survived trafficking, in two cities.',
		purpose: 'Learn what works halfway through and adjust the second year.',
		methodology:
			'Mixed methods: quarterly anonymous feedback by web link and SMS in four languages, ' +
			'coded open-text answers, and monitoring records. Figures from fewer than five people are not shown.',
		surveys: ['Programme feedback survey (midline round)'],
		goal: 'People who survived trafficking rebuild safe and independent lives.',
		outcome: 'Survivors feel safe and know their options.',
		output: 'Case management and legal help are available in every site.',
		activity: 'Train case workers in trauma-informed practice.',
		safety: 'Share of respondents who feel safe today (7 or more of 10)',
		respect: 'Share who agree staff treated them with respect',
		income: 'Share with a regular income',
		wait: 'Share who waited too long for legal help',
		sex: 'Sex',
		site: 'Site',
		female: 'Female',
		male: 'Male',
		otherSex: 'Another identity',
		siteA: 'North city',
		siteB: 'River district',
		siteC: 'Border town',
		themeWaiting: 'Waiting for legal help',
		themeSms: 'SMS reminders seen by others',
		themeRespect: 'Being listened to',
		paraphrase1:
			'Several people said reminders on a shared phone made them worry that family would read them.',
		paraphrase2: 'People described staff who explained their options before any decision.',
		paraphrase3: 'Some people asked for help with childcare so they could attend training.',
		statements: [
			'The programme answers the needs survivors name most often: safety, income and legal status.',
			'Referrals between the shelter and the legal clinic work, but the city’s own services rarely refer back.',
			'Most respondents feel safe today, and the share has risen every quarter since the baseline.',
			'Respect and clear information are rated highly across sites, including by men.',
			'Legal help arrives too late for many: the wait is the most coded theme.',
			'Case workers handle more cases than planned without a loss in how people rate them.',
			'Regular income has improved but remains below the target for the programme’s end.',
			'SMS reminders caused worry for people who share a phone, an effect nobody planned for.',
			'Peer groups are likely to continue after funding ends; paid legal aid is not.'
		],
		questions: [
			'Does the support match what survivors need?',
			'Does the programme fit with local services?',
			'Do people feel safer?',
			'Are people treated with dignity?',
			'Is legal help timely?',
			'Are staff and funds used well?',
			'Do people gain a regular income?',
			'What unintended effects did people report?',
			'Will the benefits last?'
		],
		whatDidNotWork:
			'The job placement scheme placed only a handful of people; employers in the border town did not take part.',
		unintendedEffects:
			'Negative: SMS reminders on shared phones. Positive: peer groups formed on their own after workshops.',
		limitations:
			'Respondents chose to answer, so those with worse experiences may be under-represented. ' +
			'Breakdowns by site and sex are often too small to show.',
		recommendations: [
			[
				'Hire a second lawyer for the legal clinic, or agree a referral with the bar association.',
				'Programme director',
				'Two lawyers from the bar association will take cases from January.',
				'Legal clinic lead'
			],
			[
				'Let people choose web-only follow-up and turn off SMS reminders by default.',
				'Monitoring team',
				'SMS reminders are now off unless a person asks for them.',
				'Monitoring officer'
			],
			[
				'Offer childcare during livelihood training.',
				'Livelihoods coordinator',
				'Childcare in two sites only, within the current budget.',
				'Livelihoods coordinator'
			]
		],
		changeNote: 'Corrected the site names in the breakdowns.'
	},
	ar: {
		title: 'تقييم منتصف المدة لبرنامج مستقبل آمن',
		summary:
			'بعد عامين، يشعر معظم المشاركين بأمان أكبر ويعرفون أين يطلبون المساعدة. ' +
			'أوقات الانتظار للمساعدة القانونية وخصوصية الرسائل القصيرة هي أهم المخاوف.',
		programme: 'مستقبل آمن ٢٠٢٥–٢٠٢٦',
		description:
			'مأوى وإرشاد ومساعدة قانونية ودعم لسبل العيش للناجين من الاتجار بالبشر في مدينتين.',
		purpose: 'التعلم مما ينجح في منتصف المدة وتعديل السنة الثانية.',
		methodology:
			'أساليب مختلطة: استبيان مجهول كل ربع سنة عبر الرابط والرسائل القصيرة بأربع لغات، ' +
			'وترميز الإجابات المفتوحة، وسجلات الرصد.',
		surveys: ['استبيان آراء المشاركين (جولة منتصف المدة)'],
		goal: 'يعيد الناجون من الاتجار بناء حياة آمنة ومستقلة.',
		outcome: 'يشعر الناجون بالأمان ويعرفون خياراتهم.',
		output: 'إدارة الحالات والمساعدة القانونية متاحة في كل موقع.',
		activity: 'تدريب العاملين على الممارسة المراعية للصدمات.',
		safety: 'نسبة المشاركين الذين يشعرون بالأمان اليوم',
		respect: 'نسبة من يوافقون على أن الموظفين عاملوهم باحترام',
		income: 'نسبة من لديهم دخل منتظم',
		wait: 'نسبة من انتظروا طويلا للمساعدة القانونية',
		sex: 'الجنس',
		site: 'الموقع',
		female: 'أنثى',
		male: 'ذكر',
		otherSex: 'هوية أخرى',
		siteA: 'المدينة الشمالية',
		siteB: 'حي النهر',
		siteC: 'البلدة الحدودية',
		themeWaiting: 'انتظار المساعدة القانونية',
		themeSms: 'رسائل قصيرة يراها آخرون',
		themeRespect: 'الشعور بالإصغاء',
		paraphrase1: 'قال عدة أشخاص إن التذكير على هاتف مشترك جعلهم يخشون أن تقرأه الأسرة.',
		paraphrase2: 'وصف المشاركون موظفين شرحوا خياراتهم قبل أي قرار.',
		paraphrase3: 'طلب بعض المشاركين مساعدة في رعاية الأطفال لحضور التدريب.',
		statements: [
			'يلبي البرنامج أكثر ما يذكره الناجون من احتياجات',
			'الإحالات بين المأوى والعيادة القانونية تعمل جيدا',
			'شعر المشاركون بالأمان أكثر من ذي قبل',
			'الاحترام والمعلومات الواضحة يحظيان بتقدير عال',
			'المساعدة القانونية تصل متأخرة لكثيرين',
			'يدير العاملون حالات أكثر من المخطط',
			'تحسن الدخل المنتظم لكنه دون الهدف',
			'سببت الرسائل القصيرة قلقا لمن يتشاركون هاتفا',
			'من المرجح أن تستمر مجموعات الأقران بعد انتهاء التمويل'
		],
		questions: [
			'هل يلائم الدعم احتياجات الناجين؟',
			'هل يتسق البرنامج مع الخدمات المحلية؟',
			'هل يشعر الناس بأمان أكبر؟',
			'هل يعامل الناس بكرامة؟',
			'هل تصل المساعدة القانونية في وقتها؟',
			'هل تستخدم الموارد جيدا؟',
			'هل يحصل الناس على دخل منتظم؟',
			'ما الآثار غير المقصودة؟',
			'هل ستدوم الفوائد؟'
		],
		whatDidNotWork: 'لم ينجح برنامج التوظيف إلا مع عدد قليل من الأشخاص.',
		unintendedEffects: 'سلبي: الرسائل القصيرة على الهواتف المشتركة. إيجابي: تكونت مجموعات أقران.',
		limitations: 'اختار المشاركون الإجابة بأنفسهم، لذلك قد يقل تمثيل أصحاب التجارب الأسوأ.',
		recommendations: [
			[
				'توظيف محام ثان للعيادة القانونية',
				'مدير البرنامج',
				'سيتولى محاميان القضايا',
				'رئيس العيادة'
			],
			['إيقاف الرسائل القصيرة افتراضيا', 'فريق الرصد', 'أوقفت الرسائل', 'مسؤول الرصد'],
			['توفير رعاية الأطفال أثناء التدريب', 'منسق سبل العيش', 'في موقعين فقط', 'منسق سبل العيش']
		],
		changeNote: 'تصحيح أسماء المواقع في التفصيلات.'
	}
} as const;

/** A published midline report; `lang` picks the language of every word in it. */
export function reportFixture(lang: FixtureLang = 'en'): ReportSnapshot {
	const w = WORDS[lang];
	const bySex = (cells: [SnapshotFigure, SnapshotFigure, SnapshotFigure]): Breakdown => ({
		dimension: 'gender',
		label: w.sex,
		cells: [
			{ key: 'female', label: w.female, figure: cells[0] },
			{ key: 'male', label: w.male, figure: cells[1] },
			{ key: 'other', label: w.otherSex, figure: cells[2] }
		]
	});
	const bySite = (cells: [SnapshotFigure, SnapshotFigure, SnapshotFigure]): Breakdown => ({
		dimension: 'site',
		label: w.site,
		cells: [
			{ key: 'north', label: w.siteA, figure: cells[0] },
			{ key: 'river', label: w.siteB, figure: cells[1] },
			{ key: 'border', label: w.siteC, figure: cells[2] }
		]
	});
	const latest = lang === 'ar' ? 'الربع 2 2026' : 'Q2 2026';
	const indicator = (
		code: string,
		statement: string,
		values: (number | null)[],
		breakdown: Breakdown | null
	): SnapshotEvidence => {
		const points = trend(values, lang);
		const last = points.at(-1)!;
		return {
			kind: 'indicator',
			code,
			statement,
			unit: '%',
			period: last.key,
			periodLabel: latest,
			figure: last.figure,
			trend: points,
			breakdown
		};
	};
	const theme = (
		name: string,
		figure: SnapshotFigure,
		breakdown: Breakdown | null
	): SnapshotEvidence => ({ kind: 'theme', name, figure, breakdown });

	const evidence: SnapshotEvidence[][] = [
		[theme(w.themeRespect, shown(64, 64), null), { kind: 'paraphrase', text: w.paraphrase2 }],
		[{ kind: 'paraphrase', text: w.paraphrase2 }],
		[
			indicator(
				'OC1.1',
				w.safety,
				[41, 48, null, 57, 62, 68.5],
				bySex([shown(71.2, 96), shown(58.4, 41), hidden])
			)
		],
		[
			indicator(
				'OC1.2',
				w.respect,
				[80, 82, 85, 84, 88, 90],
				bySite([shown(91, 74), hidden, hidden])
			),
			theme(w.themeRespect, shown(64, 64), bySex([shown(51, 51), shown(9, 9), hidden]))
		],
		[
			indicator('OP1.1', w.wait, [38, 41, 44, 40, 36, 35], null),
			theme(w.themeWaiting, shown(87, 87), bySite([shown(52, 52), shown(31, 31), hidden])),
			{ kind: 'paraphrase', text: w.paraphrase3 }
		],
		[{ kind: 'paraphrase', text: w.paraphrase2 }],
		[
			indicator(
				'OC2.1',
				w.income,
				[22, 24, 27, 30, null, 34],
				bySex([shown(33, 70), hidden, hidden])
			)
		],
		[
			theme(w.themeSms, shown(23, 23), bySite([shown(14, 14), hidden, hidden])),
			{ kind: 'paraphrase', text: w.paraphrase1 }
		],
		[theme(w.themeRespect, hidden, null)]
	];
	const criteria: DacCriterion[] = [
		'relevance',
		'coherence',
		'effectiveness',
		'effectiveness',
		'effectiveness',
		'efficiency',
		'impact',
		'impact',
		'sustainability'
	];
	const strengths = [
		'strong',
		'moderate',
		'strong',
		'strong',
		'moderate',
		'limited',
		'moderate',
		'moderate',
		'limited'
	] as const;
	const all: SnapshotFinding[] = w.statements.map((statement, i) => ({
		statement,
		criterion: criteria[i]!,
		question: i === 5 ? null : w.questions[i]!,
		strength: strengths[i]!,
		evidence: evidence[i]!
	}));
	const order: DacCriterion[] = [
		'relevance',
		'coherence',
		'effectiveness',
		'efficiency',
		'impact',
		'sustainability'
	];

	return {
		version: 1,
		lang,
		title: w.title,
		summary: w.summary,
		programme: {
			name: w.programme,
			description: w.description,
			startsOn: '2025-01-01',
			endsOn: '2026-12-31',
			countries: ['MD', 'RO'],
			sites: [w.siteA, w.siteB, w.siteC],
			icatTags: ['victim_protection', 'livelihoods']
		},
		logframe: [
			{
				level: 'goal',
				label: lang === 'ar' ? 'الهدف' : 'Goal',
				code: 'G',
				narrative: w.goal,
				depth: 0
			},
			{
				level: 'outcome',
				label: lang === 'ar' ? 'النتيجة' : 'Outcome',
				code: 'OC1',
				narrative: w.outcome,
				depth: 1
			},
			{
				level: 'output',
				label: lang === 'ar' ? 'المخرج' : 'Output',
				code: 'OP1',
				narrative: w.output,
				depth: 2
			},
			{
				level: 'activity',
				label: lang === 'ar' ? 'النشاط' : 'Activity',
				code: 'A1.1',
				narrative: w.activity,
				depth: 3
			}
		],
		evaluation: {
			kind: 'midline',
			title: w.title,
			startsOn: '2025-01-01',
			endsOn: '2026-06-30',
			purpose: w.purpose,
			methodology: w.methodology,
			surveys: [...w.surveys],
			responses: shown(412, 412)
		},
		findings: order
			.map((criterion) => ({ criterion, findings: all.filter((f) => f.criterion === criterion) }))
			.filter((group) => group.findings.length > 0),
		whatDidNotWork: w.whatDidNotWork,
		unintendedEffects: w.unintendedEffects,
		limitations: w.limitations,
		recommendations: w.recommendations.map(([text, addressedTo, action, owner], i) => ({
			text,
			priority: (['high', 'high', 'medium'] as const)[i]!,
			addressedTo,
			dueOn: i === 2 ? null : '2027-01-31',
			response:
				i === 2
					? {
							decision: 'partial',
							action,
							owner,
							respondedOn: '2026-11-20',
							state: 'notStarted'
						}
					: {
							decision: 'accepted',
							action,
							owner,
							respondedOn: '2026-11-18',
							state: i === 1 ? 'done' : 'inProgress'
						}
		})),
		annex: [
			{
				code: 'OC1.1',
				statement: w.safety,
				level: 'outcome',
				unit: '%',
				baseline: 41,
				baselineDate: '2025-03-31',
				target: 75,
				latest: shown(68.5, 61),
				latestPeriod: latest,
				progress: 0.81,
				achievement: 0.91,
				status: 'onTrack'
			},
			{
				code: 'OC1.2',
				statement: w.respect,
				level: 'outcome',
				unit: '%',
				baseline: 80,
				baselineDate: '2025-03-31',
				target: 90,
				latest: shown(90, 58),
				latestPeriod: latest,
				progress: 1,
				achievement: 1,
				status: 'onTrack'
			},
			{
				code: 'OC2.1',
				statement: w.income,
				level: 'outcome',
				unit: '%',
				baseline: 22,
				baselineDate: '2025-03-31',
				target: 50,
				latest: shown(34, 47),
				latestPeriod: latest,
				progress: 0.43,
				achievement: 0.68,
				status: 'atRisk'
			},
			{
				code: 'OP1.1',
				statement: w.wait,
				level: 'output',
				unit: '%',
				baseline: 38,
				baselineDate: '2025-03-31',
				target: 15,
				latest: hidden,
				latestPeriod: latest,
				progress: null,
				achievement: null,
				status: null
			},
			{
				code: 'A1.1',
				statement: lang === 'ar' ? 'عدد العاملين المدربين' : 'Case workers trained',
				level: 'activity',
				unit: lang === 'ar' ? 'شخص' : 'people',
				baseline: 0,
				baselineDate: null,
				target: 24,
				latest: shown(19, null),
				latestPeriod: latest,
				progress: 0.79,
				achievement: 0.79,
				status: 'offTrack'
			}
		],
		k: 5,
		publishedOn: '2026-11-25',
		revision: 2,
		changeNote: w.changeNote
	};
}
