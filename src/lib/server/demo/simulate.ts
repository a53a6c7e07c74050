import { smsAskable } from '../../sms/conversation';
import { PREFER_NOT_TO_SAY } from '../../survey/chrome';
import { allQuestions, NON_ANSWER_TYPES, type Instrument, type Question } from '../../survey/model';
import { relevanceOf, type Answers } from '../../survey/relevance';
import type { Random } from './random';

/**
 * Simulated answers to the demo's programme-feedback survey (DOMAIN.md, "A realistic demo
 * survey"), so that indicators, breakdowns, small-cell suppression and open-text coding have
 * something believable to show on a fresh install. Pure: the same random source gives the same
 * responses.
 *
 * Each respondent gets a latent "experience" score (better over time, worse for people who
 * waited too long and, slightly, by SMS) from which the satisfaction, treatment, safety and
 * outlook answers are drawn, so they correlate as real answers do. Answers then go through what
 * a person does: skip a question, choose "prefer not to say", not be asked what SMS cannot ask,
 * not see what the skip logic hides.
 */

export interface SimulatedResponse {
	channel: 'web' | 'sms';
	language: string;
	/** YYYY-MM-DD */
	submittedOn: string;
	answers: Answers;
}

export interface Quarter {
	/** First day, YYYY-MM-DD. */
	start: string;
	/** Last day (inclusive), YYYY-MM-DD. */
	end: string;
}

/** Calendar quarters from January of `firstYear` to December of `lastYear`. */
export function calendarQuarters(firstYear: number, lastYear: number): Quarter[] {
	const quarters: Quarter[] = [];
	for (let year = firstYear; year <= lastYear; year++)
		for (let q = 0; q < 4; q++)
			quarters.push({
				start: isoDay(Date.UTC(year, q * 3, 1) / DAY_MS),
				end: isoDay(Date.UTC(year, q * 3 + 3, 0) / DAY_MS)
			});
	return quarters;
}

/** Responses per day grow by this factor each quarter: the programme is scaling up. */
const GROWTH_PER_QUARTER = 1.2;
const WEEKEND_WEIGHT = 0.6;

const CHANNEL_SHARES = { web: 70, sms: 30 } as const;
const LANGUAGE_SHARES: Record<string, number> = { en: 40, fr: 25, es: 20, ar: 15 };

/** Share of web respondents who write something in the optional open question. */
const OPEN_TEXT_RATE = 0.12;
/** "Prefer not to say" and plain skips, per question; higher on the personal questions. */
const PREFER_NOT_TO_SAY_RATE = 0.03;
const SKIP_RATE = 0.015;
const DEMOGRAPHICS = new Set(['age_band', 'gender', 'exploitation_form', 'months_since_support']);
const DEMOGRAPHIC_PREFER_NOT_TO_SAY_RATE = 0.07;
const DEMOGRAPHIC_SKIP_RATE = 0.04;

/**
 * `count` responses spread over the quarters (more per day in each later one, none after
 * `until`), each answer set one that the server's check (`checkAnswers`) accepts unchanged.
 * Sorted by date.
 */
export function simulateResponses(
	instrument: Instrument,
	options: { count: number; random: Random; quarters: Quarter[]; until?: string }
): SimulatedResponse[] {
	const { random } = options;
	const until = options.until === undefined ? Infinity : dayNumber(options.until);
	const spans = options.quarters.map((q) => {
		const first = dayNumber(q.start);
		const last = Math.min(dayNumber(q.end), until);
		const full = dayNumber(q.end) - first + 1;
		return { first, last, open: Math.max(0, last - first + 1) / full };
	});
	const weights = spans.map(
		(s, i) => s.open * GROWTH_PER_QUARTER ** i * (0.95 + 0.1 * random.next())
	);
	if (options.count > 0 && !weights.some((w) => w > 0))
		throw new Error('No day of the quarters is on or before `until`');
	const counts = apportion(options.count, weights);
	const open = spans.filter((s) => s.last >= s.first);
	const firstDay = Math.min(...open.map((s) => s.first));
	const lastDay = Math.max(...open.map((s) => s.last));

	const questions = allQuestions(instrument).filter((q) => !NON_ANSWER_TYPES.includes(q.type));
	const visibleFor = relevanceOf(instrument);
	const languages = instrument.languages.map((l) => l.code);
	const languageWeights = languages.map((code) => LANGUAGE_SHARES[code] ?? 0);
	if (!languageWeights.some((w) => w > 0)) languageWeights.fill(1);

	const simulated: SimulatedResponse[] = [];
	spans.forEach((span, i) => {
		for (let n = 0; n < counts[i]!; n++) {
			const day = drawDay(random, span.first, span.last);
			const progress = lastDay > firstDay ? (day - firstDay) / (lastDay - firstDay) : 1;
			const channel = random.pick(['web', 'sms'] as const, [
				CHANNEL_SHARES.web,
				CHANNEL_SHARES.sms
			]);
			const language = random.pick(languages, languageWeights);
			const intended = respondent(random, { progress, channel, language });
			const answers = answer(random, questions, intended, channel, visibleFor);
			simulated.push({ channel, language, submittedOn: isoDay(day), answers });
		}
	});
	// Stable, so the order within a day stays the order of drawing.
	return simulated.sort((a, b) =>
		a.submittedOn < b.submittedOn ? -1 : a.submittedOn > b.submittedOn ? 1 : 0
	);
}

/** What a person would answer to each question if asked everything, by question name. */
type Intended = Record<string, string | string[]>;

function respondent(
	random: Random,
	{ progress, channel, language }: { progress: number; channel: 'web' | 'sms'; language: string }
): Intended {
	const normal = () => gaussian(random);
	const chance = (p: number) => random.next() < p;

	const gender = random.pick(['woman', 'man', 'other_identity'], [68, 31.8, 0.2]);
	// Forms differ by gender, as in case data; forced marriage and forced criminality are rare.
	const form = random.pick(
		[
			'labour',
			'sexual',
			'domestic_servitude',
			'forced_marriage',
			'forced_criminality',
			'other_form'
		],
		gender === 'man' ? [64, 8, 13, 0.5, 6, 8.5] : [29, 39, 24.5, 3, 1, 4.5]
	);
	const age = random.pick(['under_18', '18_24', '25_34', '35_49', '50_plus'], [6, 30, 34, 22, 8]);
	const months = chance(0.25) ? 0 : Math.min(120, 1 + Math.floor(-Math.log(1 - random.next()) * 9));

	// Waiting lists shorten as the programme grows.
	const waited = chance(0.45 - 0.27 * progress);
	const experience =
		0.9 * normal() +
		1.1 * (progress - 0.5) +
		0.55 -
		(channel === 'sms' ? 0.3 : 0) -
		(waited ? 0.75 : 0) -
		(form === 'domestic_servitude' ? 0.15 : 0);
	const item = (spread: number) => experience + spread * normal();

	const satisfaction = grade(
		item(0.6),
		[0.9, -0.25, -1.2],
		['very_satisfied', 'fairly_satisfied', 'not_very_satisfied', 'not_at_all_satisfied']
	);
	const agree = (score: number) =>
		grade(
			score,
			[1.0, 0, -0.75, -1.5],
			['strongly_agree', 'agree', 'neither', 'disagree', 'strongly_disagree']
		);
	const respect = agree(item(0.7) + 0.5);
	const clearInformation = agree(item(0.8) + 0.1);
	const sayInDecisions = agree(item(0.8) - 0.2);

	const support = pickSome(random, [
		['housing', 0.5],
		['health', 0.45],
		['counselling', 0.55],
		['legal_help', 0.35],
		['skills_or_job', 0.22 + 0.25 * progress],
		['cash', 0.3],
		['help_returning_home', 0.12]
	]);
	if (support.length === 0) support.push(random.pick(['housing', 'counselling', 'health']));

	const safetyScore =
		5.0 +
		1.4 * experience +
		0.9 * progress +
		1.3 * normal() -
		(form === 'domestic_servitude' ? 1.4 : 0) -
		(form === 'forced_marriage' ? 0.8 : 0);
	// Livelihood support takes hold slowly, and less for men in this programme.
	const incomeScore =
		-0.75 +
		(gender === 'man' ? 0.4 : 1.0) * progress +
		0.35 * experience +
		(support.includes('skills_or_job') ? 0.45 : 0) +
		normal();
	const referred = chance(0.38 + 0.15 * progress);

	const intended: Intended = {
		safety_check: 'yes',
		consent: 'yes',
		satisfaction,
		support_received: support,
		respect,
		clear_information: clearInformation,
		say_in_decisions: sayInDecisions,
		privacy_kept: grade(item(0.8) + 0.6, [-0.2, -1.0, -1.6], ['yes', 'partly', 'not_sure', 'no']),
		felt_safe_during: grade(
			item(0.8) + 0.4,
			[0.8, -0.2, -1.0, -1.8],
			['always', 'mostly', 'sometimes', 'rarely', 'never']
		),
		safety_today: String(Math.round(Math.min(10, Math.max(0, safetyScore)))),
		know_where_help: agree(0.6 * experience + 0.8 * progress - 0.05 + 0.8 * normal()),
		regular_income: grade(incomeScore, [0.3, -0.6], ['yes', 'irregular', 'no']),
		people_to_rely_on: grade(item(1.0), [0.6, -0.9], ['several', 'one_or_two', 'none']),
		waited_too_long: waited ? 'yes' : 'no',
		was_referred: referred ? 'yes' : 'no',
		recommend: grade(item(0.5) + 0.3, [-0.3, -1.1], ['yes', 'maybe', 'no']),
		age_band: age,
		gender,
		exploitation_form: form,
		months_since_support: String(months)
	};
	if (referred)
		intended.referral_helped = grade(
			item(0.8),
			[0.3, -0.9],
			['yes_a_lot', 'somewhat', 'not_at_all']
		);
	const unhappy = satisfaction === 'not_very_satisfied' || satisfaction === 'not_at_all_satisfied';
	if (unhappy) {
		const reasons = pickSome(random, [
			['waited_too_long', waited ? 0.75 : 0.1],
			['not_what_i_needed', 0.35],
			['not_treated_with_respect', respect.endsWith('disagree') ? 0.55 : 0.08],
			['not_enough_information', clearInformation.endsWith('disagree') ? 0.5 : 0.15],
			['hard_to_reach', 0.25],
			['other', 0.08]
		]);
		intended.dissatisfaction_reasons = reasons.length ? reasons : ['not_what_i_needed'];
	}
	// The less happy write more often; SMS cannot carry the long open question at all.
	if (channel === 'web' && chance(OPEN_TEXT_RATE - 0.04 + (unhappy ? 0.12 : 0))) {
		const text = openText(random, language, { experience, waited });
		if (text) intended.problems_caused = text;
	}
	return intended;
}

/** Puts the intended answers through skips, "prefer not to say", the channel and skip logic. */
function answer(
	random: Random,
	questions: Question[],
	intended: Intended,
	channel: 'web' | 'sms',
	visibleFor: (answers: Answers) => Set<string>
): Answers {
	const answers: Answers = {};
	for (const q of questions) {
		const value = intended[q.name];
		if (value === undefined) continue;
		if (q.type === 'safety_check' || q.type === 'consent') {
			answers[q.name] = value;
			continue;
		}
		if (channel === 'sms' && !smsAskable(q)) continue;
		const personal = DEMOGRAPHICS.has(q.name);
		const roll = random.next();
		const declined = personal ? DEMOGRAPHIC_PREFER_NOT_TO_SAY_RATE : PREFER_NOT_TO_SAY_RATE;
		const skipped = personal ? DEMOGRAPHIC_SKIP_RATE : SKIP_RATE;
		if (roll < declined) {
			if (q.preferNotToSay) answers[q.name] = PREFER_NOT_TO_SAY;
		} else if (roll >= declined + skipped) answers[q.name] = value;
	}
	const visible = visibleFor(answers);
	for (const name of Object.keys(answers)) if (!visible.has(name)) delete answers[name];
	return answers;
}

export type ProblemTheme =
	'work' | 'stigma' | 'transport' | 'waiting' | 'language' | 'reprisal' | 'none';

/**
 * Short answers to "Did the support cause any problems for you or your family?", per language
 * and theme, written to cluster when coded: appointments clashing with work, being found out
 * (stigma), transport cost, waiting, language barriers, fear of reprisal, and no problems.
 * Nothing in them identifies a person or a place.
 */
export const PROBLEM_ANSWERS: Record<string, Record<ProblemTheme, readonly string[]>> = {
	en: {
		work: [
			'My appointments were always during my working hours',
			'I had to miss work to go to the appointments and lost pay',
			'My boss was not happy that I kept asking for time off',
			'The office is only open when I am at work',
			'I lost a day’s wages every time I had to go to the centre'
		],
		stigma: [
			'My employer found out I was in a shelter',
			'People in my neighbourhood started talking about me',
			'My family found out and some of them stopped speaking to me',
			'A neighbour saw me going into the office and asked questions',
			'I felt ashamed when people in my community learned I was getting help'
		],
		transport: [
			'The bus fare to the office was too expensive for me',
			'It takes me two hours to get there and back',
			'I had to borrow money for transport to reach the appointments',
			'There is no public transport near where I live now',
			'Travelling to the city every week cost more than I could afford'
		],
		waiting: [
			'I waited months for a decision and could not plan anything',
			'Each time I came I waited the whole day to be seen',
			'My documents took so long that I lost a job offer',
			'Waiting for a housing place meant I stayed somewhere unsafe for longer',
			'Nobody told me how long I would have to wait'
		],
		language: [
			'There was no interpreter, so a friend had to translate very private things',
			'The forms were only in a language I do not read well',
			'I did not understand what the lawyer explained to me',
			'My child had to interpret for me, which was hard for both of us',
			'Staff spoke too fast and I was afraid to ask again'
		],
		reprisal: [
			'I was afraid the people who exploited me would find out I spoke to someone',
			'Someone from my old workplace called my family after I got help',
			'I worry that going to court will put my family back home at risk',
			'I received threats after I made a statement',
			'I am scared to be seen near the office in case they are watching'
		],
		none: [
			'No problems',
			'No, none at all',
			'Nothing, the support only helped me',
			'No problems for me or my family',
			'None. Thank you for everything'
		]
	},
	fr: {
		work: [
			'Les rendez-vous tombaient pendant mes heures de travail',
			'J’ai dû manquer le travail pour aller aux rendez-vous et j’ai perdu une partie de mon salaire',
			'Mon patron n’aimait pas que je demande sans cesse des congés',
			'Le bureau n’est ouvert que quand je suis au travail',
			'Je perdais une journée de paie à chaque rendez-vous'
		],
		stigma: [
			'Mon employeur a appris que j’étais dans un foyer',
			'Les gens du quartier ont commencé à parler de moi',
			'Ma famille l’a su et certains ne me parlent plus',
			'Un voisin m’a vu entrer au bureau et m’a posé des questions',
			'J’ai eu honte quand ma communauté a appris que je recevais de l’aide'
		],
		transport: [
			'Le ticket de bus pour venir au bureau coûtait trop cher',
			'Il me faut deux heures pour faire l’aller-retour',
			'J’ai dû emprunter de l’argent pour payer le transport jusqu’aux rendez-vous',
			'Il n’y a pas de transports en commun là où j’habite maintenant',
			'Aller en ville chaque semaine me coûtait plus que je ne pouvais payer'
		],
		waiting: [
			'J’ai attendu des mois une décision sans pouvoir rien prévoir',
			'À chaque fois, j’attendais toute la journée avant d’être reçue',
			'Mes papiers ont pris tellement de temps que j’ai perdu une offre d’emploi',
			'En attendant une place d’hébergement, je suis resté plus longtemps dans un endroit dangereux',
			'Personne ne m’a dit combien de temps il faudrait attendre'
		],
		language: [
			'Il n’y avait pas d’interprète, alors une amie a dû traduire des choses très personnelles',
			'Les formulaires étaient dans une langue que je lis mal',
			'Je n’ai pas compris ce que l’avocat m’a expliqué',
			'Mon enfant a dû traduire pour moi, c’était difficile pour nous deux',
			'Le personnel parlait trop vite et j’avais peur de redemander'
		],
		reprisal: [
			'J’avais peur que les personnes qui m’exploitaient apprennent que j’avais parlé',
			'Quelqu’un de mon ancien travail a appelé ma famille après que j’ai reçu de l’aide',
			'J’ai peur que le procès mette ma famille au pays en danger',
			'J’ai reçu des menaces après ma déposition',
			'J’ai peur d’être vue près du bureau au cas où ils me surveilleraient'
		],
		none: [
			'Aucun problème',
			'Non, aucun',
			'Rien, le soutien m’a seulement aidée',
			'Pas de problème pour moi ni pour ma famille',
			'Aucun. Merci pour tout'
		]
	},
	es: {
		work: [
			'Tuve que faltar al trabajo para ir a las citas',
			'Las citas siempre eran en mi horario de trabajo',
			'Perdí el sueldo de varios días por ir a la oficina',
			'Mi jefe se enfadaba porque pedía permiso muy seguido',
			'La oficina solo abre cuando yo estoy trabajando'
		],
		stigma: [
			'Mi empleador se enteró de que estaba en un albergue',
			'La gente del barrio empezó a hablar de mí',
			'Mi familia se enteró y algunos ya no me hablan',
			'Un vecino me vio entrar a la oficina y empezó a hacer preguntas',
			'Sentí vergüenza cuando mi comunidad supo que recibía ayuda'
		],
		transport: [
			'El pasaje de autobús hasta la oficina era muy caro para mí',
			'Tardo dos horas en ir y volver',
			'Tuve que pedir dinero prestado para el transporte a las citas',
			'No hay transporte público cerca de donde vivo ahora',
			'Ir a la ciudad cada semana me costaba más de lo que podía pagar'
		],
		waiting: [
			'Esperé meses una respuesta y no podía planear nada',
			'Cada vez que iba, esperaba todo el día para que me atendieran',
			'Mis papeles tardaron tanto que perdí una oferta de trabajo',
			'Mientras esperaba un lugar en el albergue, seguí más tiempo en un sitio peligroso',
			'Nadie me dijo cuánto tiempo tendría que esperar'
		],
		language: [
			'No había intérprete y una amiga tuvo que traducir cosas muy personales',
			'Los formularios estaban en un idioma que no leo bien',
			'No entendí lo que me explicó el abogado',
			'Mi hijo tuvo que traducir por mí y fue difícil para los dos',
			'El personal hablaba muy rápido y me daba miedo volver a preguntar'
		],
		reprisal: [
			'Tenía miedo de que las personas que me explotaban supieran que hablé con alguien',
			'Alguien de mi antiguo trabajo llamó a mi familia después de que recibí ayuda',
			'Me preocupa que el juicio ponga en peligro a mi familia en mi país',
			'Recibí amenazas después de declarar',
			'Me da miedo que me vean cerca de la oficina por si me están vigilando'
		],
		none: [
			'Ningún problema',
			'No, ninguno',
			'Nada, el apoyo solo me ayudó',
			'Ningún problema para mí ni para mi familia',
			'Ninguno. Gracias por todo'
		]
	},
	ar: {
		work: [
			'كانت المواعيد دائمًا في أثناء ساعات عملي',
			'اضطررت إلى التغيّب عن العمل لحضور المواعيد فخسرت جزءًا من أجري',
			'لم يكن صاحب العمل راضيًا لأنني كنت أطلب الإذن بالخروج باستمرار',
			'المكتب لا يفتح إلا في الوقت الذي أكون فيه في العمل',
			'كنت أخسر أجر يوم كامل في كل مرة أذهب فيها إلى المركز'
		],
		stigma: [
			'علم صاحب العمل أنني كنت أقيم في دار إيواء',
			'بدأ الناس في الحي يتحدثون عني',
			'علمت عائلتي بالأمر وتوقف بعضهم عن الكلام معي',
			'رآني أحد الجيران وأنا أدخل المكتب وبدأ يطرح الأسئلة',
			'شعرت بالخجل عندما عرف أبناء مجتمعي أنني أتلقى المساعدة'
		],
		transport: [
			'كانت أجرة الحافلة إلى المكتب مرتفعة جدًا بالنسبة لي',
			'يستغرق الذهاب والعودة ساعتين',
			'اضطررت إلى اقتراض المال لدفع أجرة المواصلات إلى المواعيد',
			'لا توجد مواصلات عامة قرب المكان الذي أسكن فيه الآن',
			'كان الذهاب إلى المدينة كل أسبوع يكلّفني أكثر مما أستطيع'
		],
		waiting: [
			'انتظرت أشهرًا للحصول على قرار ولم أستطع التخطيط لأي شيء',
			'في كل مرة كنت أنتظر طوال اليوم حتى يستقبلني أحد',
			'تأخرت أوراقي كثيرًا حتى خسرت عرض عمل',
			'بسبب انتظار مكان في السكن بقيت مدة أطول في مكان غير آمن',
			'لم يخبرني أحد كم من الوقت سأنتظر'
		],
		language: [
			'لم يكن هناك مترجم، فاضطرت صديقتي إلى ترجمة أمور خاصة جدًا',
			'كانت الاستمارات بلغة لا أجيد قراءتها',
			'لم أفهم ما شرحه لي المحامي',
			'اضطر ابني إلى الترجمة لي، وكان ذلك صعبًا علينا نحن الاثنين',
			'كان الموظفون يتكلمون بسرعة وكنت أخاف أن أسأل مرة أخرى'
		],
		reprisal: [
			'كنت أخاف أن يعرف الأشخاص الذين استغلوني أنني تحدثت إلى أحد',
			'اتصل شخص من مكان عملي السابق بعائلتي بعد أن تلقيت المساعدة',
			'أخشى أن تعرّض المحاكمة عائلتي في بلدي للخطر',
			'تلقيت تهديدات بعد أن أدليت بإفادتي',
			'أخاف أن يراني أحد قرب المكتب في حال كانوا يراقبونني'
		],
		none: [
			'لا توجد أي مشكلات',
			'لا، لا شيء',
			'لا شيء، الدعم ساعدني فقط',
			'لم تحدث أي مشكلة لي أو لعائلتي',
			'لا شيء. شكرًا على كل شيء'
		]
	}
};

/** Afterthoughts some people add to a problem, so the same problem is not always one string. */
const AFTERTHOUGHTS: Record<string, readonly string[]> = {
	en: [
		'But the staff were kind.',
		'Otherwise the help was good.',
		'It is better now.',
		'I did not want to complain at the time.'
	],
	fr: [
		'Mais l’équipe était gentille.',
		'À part ça, l’aide était bien.',
		'Ça va mieux maintenant.',
		'Je n’ai pas osé le dire à ce moment-là.'
	],
	es: [
		'Pero el personal fue amable.',
		'Por lo demás, la ayuda fue buena.',
		'Ahora estoy mejor.',
		'En ese momento no quise quejarme.'
	],
	ar: [
		'لكن الموظفين كانوا لطفاء.',
		'وفيما عدا ذلك كانت المساعدة جيدة.',
		'الوضع أفضل الآن.',
		'لم أرغب في الشكوى وقتها.'
	]
};

function openText(
	random: Random,
	language: string,
	{ experience, waited }: { experience: number; waited: boolean }
): string | undefined {
	const pool = PROBLEM_ANSWERS[language];
	if (!pool) return undefined;
	const themes: ProblemTheme[] = [
		'none',
		'work',
		'stigma',
		'transport',
		'waiting',
		'language',
		'reprisal'
	];
	const weights = [
		2 + (experience > 0 ? 3 : 0),
		3,
		2.5,
		2.5,
		waited ? 4 : 1,
		language === 'en' ? 1 : 2.5,
		1.5
	];
	const theme = random.pick(themes, weights);
	const text = random.pick(pool[theme]);
	const afterthoughts = AFTERTHOUGHTS[language];
	return theme !== 'none' && afterthoughts && random.next() < 0.2
		? `${text}. ${random.pick(afterthoughts)}`
		: text;
}

/** The first name whose cut the score is above (cuts descending), else the last name. */
function grade<T extends string>(score: number, cuts: number[], names: T[]): T {
	const i = cuts.findIndex((cut) => score > cut);
	return names[i === -1 ? names.length - 1 : i]!;
}

/** Each option independently with its probability, in list order. */
function pickSome(random: Random, options: [string, number][]): string[] {
	return options.filter(([, p]) => random.next() < p).map(([name]) => name);
}

/** Standard normal (Box–Muller). */
function gaussian(random: Random): number {
	const u = 1 - random.next();
	return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.next());
}

/** Splits `total` in proportion to the weights, exactly (largest remainders). */
function apportion(total: number, weights: number[]): number[] {
	const sum = weights.reduce((a, b) => a + b, 0);
	if (sum === 0) return weights.map(() => 0);
	const shares = weights.map((w) => (total * w) / sum);
	const counts = shares.map(Math.floor);
	let left = total - counts.reduce((a, b) => a + b, 0);
	const byRemainder = shares
		.map((s, i) => [s - Math.floor(s), i] as const)
		.sort((a, b) => b[0] - a[0] || a[1] - b[1]);
	for (const [, i] of byRemainder) {
		if (left-- <= 0) break;
		counts[i]!++;
	}
	return counts;
}

/** A day in [first, last], weekends less likely (fewer appointments, fewer reminders). */
function drawDay(random: Random, first: number, last: number): number {
	for (;;) {
		const day = random.int(first, last);
		const weekday = new Date(day * DAY_MS).getUTCDay();
		if (weekday !== 0 && weekday !== 6) return day;
		if (random.next() < WEEKEND_WEIGHT) return day;
	}
}

const DAY_MS = 86_400_000;

function dayNumber(iso: string): number {
	const ms = Date.parse(`${iso}T00:00:00Z`);
	if (!/^\d{4}-\d{2}-\d{2}$/.test(iso) || Number.isNaN(ms)) throw new Error(`Not a day: ${iso}`);
	return ms / DAY_MS;
}

function isoDay(day: number): string {
	return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
