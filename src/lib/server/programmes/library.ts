import {
	type DacCriterion,
	type Direction,
	type IcatActivityType,
	type IndicatorKind,
	type IndicatorRule,
	type Level
} from '../../programmes/model';
import {
	allQuestions,
	type Choice,
	type ChoiceList,
	type Instrument,
	type Page,
	type Question,
	type Text
} from '../../survey/model';

/**
 * The starter indicator library for counter-trafficking programmes (DOMAIN.md, "Why it
 * exists", item 3): outcome and output indicators a manager can add to a logframe, each with a
 * suggested survey question and the rule that reads it, so that programmes share definitions
 * instead of reinventing them.
 *
 * Statements and means of verification are in the six staff languages; suggested questions
 * are in the demo survey's four (en, fr, es, ar), and a survey language they lack falls back to
 * English when the question is added. Questions reuse the demo survey's names and lists where
 * they ask the same thing, so these indicators read the demo survey as it is. Question wording
 * follows DOMAIN.md, "Ethics": nothing asks about the exploitation itself, "prefer not to say"
 * is offered and nothing is required, and no respondent-facing text names the topic.
 */

export const LIBRARY_LANGUAGES = ['en', 'fr', 'es', 'ar', 'pt', 'ru'] as const;
export type LibraryLanguage = (typeof LIBRARY_LANGUAGES)[number];
export type LibraryText = Readonly<Record<LibraryLanguage, string>>;

/** The languages every suggested question is written in. */
export const QUESTION_LANGUAGES = ['en', 'fr', 'es', 'ar'] as const;

/** A suggested question and, for a select question, its choice list. */
export interface LibraryQuestion {
	question: Omit<Question, 'id'>;
	list?: ChoiceList;
}

export type LibraryLevel = Extract<Level, 'outcome' | 'output'>;

interface LibraryIndicatorBase {
	/** Stable kebab-case id, stored as `IndicatorDefinition.libraryId`. */
	id: string;
	/** Suggested logframe code; programmes renumber freely. */
	code: string;
	level: LibraryLevel;
	icat: readonly IcatActivityType[];
	criterion: DacCriterion;
	kind: IndicatorKind;
	unit: string;
	direction: Direction;
	statement: LibraryText;
	/** Suggested breakdowns: single-select question names (person-level ones by sex first). */
	disaggregations: readonly string[];
	meansOfVerification: LibraryText;
}

export interface SurveyLibraryIndicator extends LibraryIndicatorBase {
	source: 'survey';
	question: LibraryQuestion;
	/** A scale's further items (scaleScore), added together with `question`. */
	moreQuestions?: readonly LibraryQuestion[];
	/** Reads the suggested question(s) by their suggested names. */
	rule: IndicatorRule;
}

export interface ManualLibraryIndicator extends LibraryIndicatorBase {
	source: 'manual';
	question: null;
	rule: null;
}

export type LibraryIndicator = SurveyLibraryIndicator | ManualLibraryIndicator;

// ---------------------------------------------------------------------------------------------
// Text helpers

/** French punctuation (? ! : ;) takes a no-break space so it never wraps onto a line alone. */
const frenchSpaces = (s: string): string => s.replace(/ ([?!:;])/g, '\u00a0$1');

/** Staff text in all six languages. */
function text6(
	en: string,
	fr: string,
	es: string,
	ar: string,
	pt: string,
	ru: string
): LibraryText {
	return { en, fr: frenchSpaces(fr), es, ar, pt, ru };
}

/** Respondent text in the four survey languages. */
function text4(en: string, fr: string, es: string, ar: string): Text {
	return { en, fr: frenchSpaces(fr), es, ar };
}

/** An answerable question: "prefer not to say" offered, never required. */
function ask(
	type: Question['type'],
	name: string,
	label: Text,
	more: Partial<Omit<Question, 'id' | 'type' | 'name' | 'label'>> = {}
): Omit<Question, 'id'> {
	return { type, name, label, required: false, preferNotToSay: true, ...more };
}

function list(name: string, choices: [string, Text][]): ChoiceList {
	return {
		name,
		choices: choices.map(([choiceName, label]): Choice => ({ name: choiceName, label }))
	};
}

// ---------------------------------------------------------------------------------------------
// Choice lists (those the demo survey has are identical to its lists, choice for choice)

const YES = text4('Yes', 'Oui', 'Sí', 'نعم');
const NO = text4('No', 'Non', 'No', 'لا');

const CHOOSE_ALL = text4(
	'Choose all that apply.',
	'Choisissez toutes les réponses qui conviennent.',
	'Elija todas las opciones que correspondan.',
	'يمكن اختيار أكثر من إجابة.'
);

const HOW_MUCH_AGREE = text4(
	'How much do you agree with this sentence?',
	'Dans quelle mesure êtes-vous d’accord avec cette phrase ?',
	'¿En qué medida está de acuerdo con esta frase?',
	'ما مدى موافقتك على هذه العبارة؟'
);

const SATISFACTION4 = list('satisfaction4', [
	[
		'very_satisfied',
		text4('Very satisfied', 'Très satisfait(e)', 'Muy satisfecho/a', 'راضٍ/راضية جدًا')
	],
	[
		'fairly_satisfied',
		text4('Fairly satisfied', 'Plutôt satisfait(e)', 'Bastante satisfecho/a', 'راضٍ/راضية إلى حد ما')
	],
	[
		'not_very_satisfied',
		text4('Not very satisfied', 'Peu satisfait(e)', 'Poco satisfecho/a', 'غير راضٍ/راضية كثيرًا')
	],
	[
		'not_at_all_satisfied',
		text4(
			'Not at all satisfied',
			'Pas du tout satisfait(e)',
			'Nada satisfecho/a',
			'غير راضٍ/راضية على الإطلاق'
		)
	]
]);

const AGREE5 = list('agree5', [
	[
		'strongly_agree',
		text4('Strongly agree', 'Tout à fait d’accord', 'Totalmente de acuerdo', 'أوافق بشدة')
	],
	['agree', text4('Agree', 'D’accord', 'De acuerdo', 'أوافق')],
	[
		'neither',
		text4(
			'Neither agree nor disagree',
			'Ni d’accord ni pas d’accord',
			'Ni de acuerdo ni en desacuerdo',
			'لا أوافق ولا أعارض'
		)
	],
	['disagree', text4('Disagree', 'Pas d’accord', 'En desacuerdo', 'لا أوافق')],
	[
		'strongly_disagree',
		text4(
			'Strongly disagree',
			'Pas du tout d’accord',
			'Totalmente en desacuerdo',
			'لا أوافق على الإطلاق'
		)
	]
]);

const AGREEING = ['strongly_agree', 'agree'];

const SUPPORT = list('support', [
	['housing', text4('Housing', 'Hébergement', 'Alojamiento', 'السكن')],
	['health', text4('Health care', 'Soins de santé', 'Atención de salud', 'الرعاية الصحية')],
	[
		'counselling',
		text4(
			'Counselling or emotional support',
			'Soutien psychologique',
			'Apoyo psicológico',
			'الإرشاد أو الدعم النفسي'
		)
	],
	['legal_help', text4('Legal help', 'Aide juridique', 'Asistencia legal', 'المساعدة القانونية')],
	[
		'skills_or_job',
		text4(
			'Training or help finding work',
			'Formation ou aide pour trouver un emploi',
			'Formación o ayuda para encontrar trabajo',
			'التدريب أو المساعدة في إيجاد عمل'
		)
	],
	[
		'cash',
		text4(
			'Cash or financial help',
			'Argent ou aide financière',
			'Dinero o ayuda económica',
			'مساعدة نقدية أو مالية'
		)
	],
	[
		'help_returning_home',
		text4(
			'Help returning home',
			'Aide pour rentrer chez soi',
			'Ayuda para regresar a casa',
			'المساعدة على العودة إلى الديار'
		)
	]
]);

const PRIVACY = list('privacy', [
	['yes', YES],
	['partly', text4('Partly', 'En partie', 'En parte', 'جزئيًا')],
	['no', NO],
	['not_sure', text4('Not sure', 'Je ne sais pas', 'No lo sé', 'لا أعرف')]
]);

const FREQUENCY = list('frequency', [
	['always', text4('Always', 'Toujours', 'Siempre', 'دائمًا')],
	['mostly', text4('Most of the time', 'La plupart du temps', 'Casi siempre', 'معظم الوقت')],
	['sometimes', text4('Sometimes', 'Parfois', 'A veces', 'أحيانًا')],
	['rarely', text4('Rarely', 'Rarement', 'Rara vez', 'نادرًا')],
	['never', text4('Never', 'Jamais', 'Nunca', 'أبدًا')]
]);

const INCOME = list('income', [
	['yes', YES],
	[
		'irregular',
		text4(
			'Sometimes, but not regularly',
			'Parfois, mais pas régulièrement',
			'A veces, pero no de forma regular',
			'أحيانًا، ولكن ليس بانتظام'
		)
	],
	['no', NO]
]);

const RELY = list('rely', [
	['none', text4('No one', 'Personne', 'Con nadie', 'لا أحد')],
	[
		'one_or_two',
		text4('One or two people', 'Une ou deux personnes', 'Con una o dos personas', 'شخص أو شخصان')
	],
	['several', text4('Several people', 'Plusieurs personnes', 'Con varias personas', 'عدة أشخاص')]
]);

const YESNO = list('yesno', [
	['yes', YES],
	['no', NO]
]);

const HELPED = list('helped', [
	['yes_a_lot', text4('Yes, a lot', 'Oui, beaucoup', 'Sí, mucho', 'نعم، كثيرًا')],
	['somewhat', text4('Somewhat', 'En partie', 'En parte', 'إلى حد ما')],
	['not_at_all', text4('Not at all', 'Pas du tout', 'Nada', 'لا، إطلاقًا')]
]);

const RECOMMEND = list('recommend', [
	['yes', YES],
	['maybe', text4('Maybe', 'Peut-être', 'Tal vez', 'ربما')],
	['no', NO]
]);

const SIGNS_NAMED = list('signs_named', [
	['none', text4('None', 'Aucun', 'Ninguna', 'لا شيء')],
	['one', text4('One sign', 'Un signe', 'Una señal', 'علامة واحدة')],
	[
		'two_or_more',
		text4('Two or more signs', 'Deux signes ou plus', 'Dos señales o más', 'علامتان أو أكثر')
	]
]);

const MIGRATION_PLANS = list('migration_plans', [
	[
		'check_recruiter',
		text4(
			'Check that the recruiter or agency is licensed',
			'Vérifier que le recruteur ou l’agence est agréé(e)',
			'Comprobar que el reclutador o la agencia tiene licencia',
			'التأكد من أن الوسيط أو وكالة التوظيف مرخَّصة'
		)
	],
	[
		'written_contract',
		text4(
			'Get a written contract I understand',
			'Obtenir un contrat écrit que je comprends',
			'Conseguir un contrato por escrito que entienda',
			'الحصول على عقد مكتوب أفهمه'
		)
	],
	[
		'keep_copies',
		text4(
			'Leave copies of my documents with someone I trust',
			'Laisser des copies de mes papiers à une personne de confiance',
			'Dejar copias de mis documentos a alguien de confianza',
			'ترك نسخ من وثائقي لدى شخص أثق به'
		)
	],
	[
		'know_contacts',
		text4(
			'Note a helpline or embassy number for the country I am going to',
			'Noter le numéro d’une ligne d’assistance ou de l’ambassade pour le pays où je vais',
			'Anotar el número de una línea de ayuda o de la embajada para el país al que voy',
			'تدوين رقم خط مساعدة أو رقم السفارة في البلد الذي أسافر إليه'
		)
	],
	[
		'none_of_these',
		text4('None of these', 'Aucune de ces démarches', 'Ninguna de estas', 'لا شيء مما سبق')
	]
]);

// ---------------------------------------------------------------------------------------------
// Suggested questions

/** One single-select agreement item ("How much do you agree…" as its hint). */
function agreement(name: string, label: Text): LibraryQuestion {
	return {
		question: ask('select_one', name, label, { hint: HOW_MUCH_AGREE, listName: AGREE5.name }),
		list: AGREE5
	};
}

function select(
	type: 'select_one' | 'select_multiple',
	name: string,
	label: Text,
	choices: ChoiceList,
	more: Partial<Omit<Question, 'id' | 'type' | 'name' | 'label' | 'listName'>> = {}
): LibraryQuestion {
	return { question: ask(type, name, label, { ...more, listName: choices.name }), list: choices };
}

const Q_SATISFACTION = select(
	'select_one',
	'satisfaction',
	text4(
		'Overall, how satisfied are you with the support you received?',
		'Dans l’ensemble, dans quelle mesure êtes-vous satisfait(e) du soutien que vous avez reçu ?',
		'En general, ¿qué tan satisfecho/a está con el apoyo que recibió?',
		'بشكل عام، ما مدى رضاك عن الدعم الذي تلقيته؟'
	),
	SATISFACTION4
);

const Q_RECOMMEND = select(
	'select_one',
	'recommend',
	text4(
		'Would you recommend this service to someone in a similar situation?',
		'Recommanderiez-vous ce service à une personne dans une situation semblable ?',
		'¿Recomendaría este servicio a alguien en una situación parecida?',
		'هل تنصح بهذه الخدمة شخصًا يمرّ بظروف مشابهة؟'
	),
	RECOMMEND
);

const Q_SUPPORT_MET_NEEDS = agreement(
	'support_met_needs',
	text4(
		'The support I received was what I needed.',
		'Le soutien que j’ai reçu correspondait à ce dont j’avais besoin.',
		'El apoyo que recibí era lo que necesitaba.',
		'كان الدعم الذي تلقيته هو ما كنت أحتاج إليه.'
	)
);

const Q_SAY_IN_DECISIONS = agreement(
	'say_in_decisions',
	text4(
		'I had a say in decisions that affected me.',
		'J’ai pu donner mon avis sur les décisions qui me concernaient.',
		'Pude opinar en las decisiones que me afectaban.',
		'كان لي رأي في القرارات التي تخصّني.'
	)
);

const Q_RESPECT = agreement(
	'respect',
	text4(
		'Staff treated me with respect.',
		'Le personnel m’a traité(e) avec respect.',
		'El personal me trató con respeto.',
		'عاملني الموظفون باحترام.'
	)
);

const Q_CLEAR_INFORMATION = agreement(
	'clear_information',
	text4(
		'I got clear information about my options and rights.',
		'J’ai reçu des informations claires sur mes choix et mes droits.',
		'Recibí información clara sobre mis opciones y mis derechos.',
		'حصلتُ على معلومات واضحة عن خياراتي وحقوقي.'
	)
);

const Q_PRIVACY_KEPT = select(
	'select_one',
	'privacy_kept',
	text4(
		'Was what you shared kept private?',
		'Ce que vous avez confié est-il resté confidentiel ?',
		'¿Se mantuvo en privado lo que usted contó?',
		'هل بقيت المعلومات التي شاركتها سرّية؟'
	),
	PRIVACY
);

const Q_FELT_SAFE_DURING = select(
	'select_one',
	'felt_safe_during',
	text4(
		'Did you feel safe while you were receiving support?',
		'Vous êtes-vous senti(e) en sécurité pendant que vous receviez du soutien ?',
		'¿Se sintió seguro/a mientras recibía apoyo?',
		'هل شعرت بالأمان أثناء تلقّي الدعم؟'
	),
	FREQUENCY
);

const Q_SAFETY_TODAY: LibraryQuestion = {
	question: ask(
		'range',
		'safety_today',
		text4(
			'How safe do you feel today?',
			'À quel point vous sentez-vous en sécurité aujourd’hui ?',
			'¿Qué tan seguro/a se siente hoy?',
			'ما مدى شعورك بالأمان اليوم؟'
		),
		{
			hint: text4(
				'0 means not at all safe, 10 means completely safe.',
				'0 signifie pas du tout en sécurité, 10 signifie tout à fait en sécurité.',
				'0 significa nada seguro/a y 10 completamente seguro/a.',
				'0 تعني عدم الشعور بالأمان إطلاقًا، و10 تعني الشعور بالأمان التام.'
			),
			range: {
				start: 0,
				end: 10,
				step: 1,
				startLabel: text4(
					'Not at all safe',
					'Pas du tout en sécurité',
					'Nada seguro/a',
					'لا أشعر بالأمان إطلاقًا'
				),
				endLabel: text4(
					'Completely safe',
					'Tout à fait en sécurité',
					'Completamente seguro/a',
					'أشعر بالأمان التام'
				)
			}
		}
	)
};

/**
 * WHO-5 style items: the positively worded items of the WHO-5 Well-Being Index, answered for
 * the last two weeks from 0 (at no time) to 5 (all of the time). The mean of the five, rescaled
 * to 0–100, is the index's percentage score.
 */
function wellbeingItem(name: string, label: Text): LibraryQuestion {
	return {
		question: ask('range', name, label, {
			hint: text4(
				'Think of the last two weeks. 0 means at no time, 5 means all of the time.',
				'Pensez aux deux dernières semaines. 0 signifie à aucun moment, 5 signifie tout le temps.',
				'Piense en las dos últimas semanas. 0 significa en ningún momento y 5, todo el tiempo.',
				'يُرجى التفكير في الأسبوعين الماضيين. 0 تعني ولا مرة، و5 تعني طوال الوقت.'
			),
			range: {
				start: 0,
				end: 5,
				step: 1,
				startLabel: text4('At no time', 'À aucun moment', 'En ningún momento', 'ولا مرة'),
				endLabel: text4('All of the time', 'Tout le temps', 'Todo el tiempo', 'طوال الوقت')
			}
		})
	};
}

const Q_WELLBEING = [
	wellbeingItem(
		'wellbeing_cheerful',
		text4(
			'I have felt cheerful and in good spirits.',
			'Je me suis senti(e) bien et de bonne humeur.',
			'Me he sentido alegre y de buen humor.',
			'شعرتُ بالبهجة وكانت معنوياتي جيدة.'
		)
	),
	wellbeingItem(
		'wellbeing_calm',
		text4(
			'I have felt calm and relaxed.',
			'Je me suis senti(e) calme et détendu(e).',
			'Me he sentido tranquilo/a y relajado/a.',
			'شعرتُ بالهدوء والاسترخاء.'
		)
	),
	wellbeingItem(
		'wellbeing_active',
		text4(
			'I have felt active and full of energy.',
			'Je me suis senti(e) actif/active et plein(e) d’énergie.',
			'Me he sentido activo/a y con energía.',
			'شعرتُ بالنشاط والحيوية.'
		)
	),
	wellbeingItem(
		'wellbeing_rested',
		text4(
			'I have woken up feeling fresh and rested.',
			'Je me suis réveillé(e) en me sentant frais/fraîche et reposé(e).',
			'Me he despertado sintiéndome fresco/a y descansado/a.',
			'كنتُ أستيقظ وأنا أشعر بالانتعاش والراحة.'
		)
	),
	wellbeingItem(
		'wellbeing_interest',
		text4(
			'My daily life has been filled with things that interest me.',
			'Ma vie quotidienne a été remplie de choses qui m’intéressent.',
			'Mi vida diaria ha estado llena de cosas que me interesan.',
			'كانت حياتي اليومية مليئة بأشياء تثير اهتمامي.'
		)
	)
] as const;

const Q_SUPPORT_CAUSED_PROBLEMS = select(
	'select_one',
	'support_caused_problems',
	text4(
		'Did the support cause any problems for you or your family?',
		'Le soutien reçu a-t-il causé des problèmes pour vous ou votre famille ?',
		'¿El apoyo le causó algún problema a usted o a su familia?',
		'هل سبّب الدعم أي مشكلات لك أو لعائلتك؟'
	),
	YESNO
);

const Q_KNOW_WHERE_HELP = agreement(
	'know_where_help',
	text4(
		'I know where to get help if I feel at risk again.',
		'Je sais où trouver de l’aide si je me sens de nouveau en danger.',
		'Sé dónde pedir ayuda si vuelvo a sentirme en peligro.',
		'أعرف إلى أين أتوجّه لطلب المساعدة إذا شعرت بالخطر مرة أخرى.'
	)
);

const Q_REGULAR_INCOME = select(
	'select_one',
	'regular_income',
	text4(
		'Do you have a regular income now?',
		'Avez-vous actuellement un revenu régulier ?',
		'¿Tiene actualmente ingresos regulares?',
		'هل لديك حاليًا دخل منتظم؟'
	),
	INCOME
);

const Q_PEOPLE_TO_RELY_ON = select(
	'select_one',
	'people_to_rely_on',
	text4(
		'How many people can you rely on if you need help?',
		'Sur combien de personnes pouvez-vous compter si vous avez besoin d’aide ?',
		'¿Con cuántas personas puede contar si necesita ayuda?',
		'كم شخصًا يمكنك الاعتماد عليه عند الحاجة إلى المساعدة؟'
	),
	RELY
);

const Q_WAITED_TOO_LONG = select(
	'select_one',
	'waited_too_long',
	text4(
		'Did you have to wait too long to get support?',
		'Avez-vous dû attendre trop longtemps avant de recevoir du soutien ?',
		'¿Tuvo que esperar demasiado para recibir apoyo?',
		'هل انتظرت أكثر من اللازم للحصول على الدعم؟'
	),
	YESNO
);

const Q_WAS_REFERRED = select(
	'select_one',
	'was_referred',
	text4(
		'Did the team refer you to another service or organisation?',
		'L’équipe vous a-t-elle orienté(e) vers un autre service ou une autre organisation ?',
		'¿El equipo le derivó a otro servicio u organización?',
		'هل أحالك الفريق إلى خدمة أو جهة أخرى؟'
	),
	YESNO
);

// Standing alone (no `relevant` on was_referred, which the survey may not have), the question
// says whom it is for; in the demo survey its own question, shown only after a yes, is used.
const Q_REFERRAL_HELPED = select(
	'select_one',
	'referral_helped',
	text4(
		'If the team referred you to another service, did that referral help you?',
		'Si l’équipe vous a orienté(e) vers un autre service, cette orientation vous a-t-elle aidé(e) ?',
		'Si el equipo le derivó a otro servicio, ¿le ayudó esa derivación?',
		'إذا أحالك الفريق إلى خدمة أخرى، فهل ساعدتك تلك الإحالة؟'
	),
	HELPED,
	{
		hint: text4(
			'If you were not referred, you can skip this question.',
			'Si vous n’avez pas été orienté(e), vous pouvez passer cette question.',
			'Si no le derivaron, puede saltarse esta pregunta.',
			'إذا لم تتم إحالتك، يمكنك تخطي هذا السؤال.'
		)
	}
);

const Q_SUPPORT_RECEIVED = select(
	'select_multiple',
	'support_received',
	text4(
		'What kinds of support did you receive?',
		'Quels types de soutien avez-vous reçus ?',
		'¿Qué tipos de apoyo recibió?',
		'ما أنواع الدعم التي حصلت عليها؟'
	),
	SUPPORT,
	{ hint: CHOOSE_ALL }
);

// Asked of trained officials; the answer is self-reported, so the means of verification pairs
// it with a review of case files.
const Q_VICTIM_CENTRED_PRACTICE = select(
	'select_one',
	'victim_centred_practice',
	text4(
		'In the last three months, when you dealt with a person who may be a victim of exploitation, how often could you follow the victim-centred steps from the training (explaining their rights, offering support, letting them decide)?',
		'Au cours des trois derniers mois, lorsque vous avez eu affaire à une victime potentielle d’exploitation, à quelle fréquence avez-vous pu suivre les étapes centrées sur la victime vues en formation (expliquer ses droits, proposer un soutien, la laisser décider) ?',
		'En los últimos tres meses, cuando atendió a una posible víctima de explotación, ¿con qué frecuencia pudo seguir los pasos centrados en la víctima vistos en la formación (explicarle sus derechos, ofrecerle apoyo, dejarle decidir)?',
		'خلال الأشهر الثلاثة الماضية، عند التعامل مع شخص يُحتمل أن يكون ضحية للاستغلال، كم مرة أمكنك اتباع الخطوات المتمحورة حول الضحية التي تناولها التدريب (شرح حقوقه، وعرض الدعم عليه، وترك القرار له)؟'
	),
	FREQUENCY
);

// Knowledge is recalled, not recognised: an interviewer codes the free answer.
const Q_SIGNS_NAMED = select(
	'select_one',
	'signs_named',
	text4(
		'What signs could show that a person is being exploited, for example at work?',
		'Quels signes peuvent montrer qu’une personne est exploitée, par exemple au travail ?',
		'¿Qué señales pueden indicar que una persona está siendo explotada, por ejemplo en el trabajo?',
		'ما العلامات التي قد تدلّ على أن شخصًا ما يتعرّض للاستغلال، في العمل مثلًا؟'
	),
	SIGNS_NAMED,
	{
		hint: text4(
			'For the interviewer: do not read out examples. Let the person answer in their own words, then record how many correct signs they named (for example: documents taken away, a debt that keeps growing, not free to leave, work different from what was promised).',
			'Pour la personne qui mène l’entretien : ne lisez pas d’exemples. Laissez la personne répondre avec ses propres mots, puis notez combien de signes corrects elle a cités (par exemple : papiers confisqués, dette qui ne cesse d’augmenter, impossibilité de partir, travail différent de celui promis).',
			'Para la persona encuestadora: no lea ejemplos. Deje que la persona responda con sus propias palabras y luego anote cuántas señales correctas mencionó (por ejemplo: le quitaron los documentos, una deuda que no deja de crecer, no poder irse libremente, un trabajo distinto del prometido).',
			'لمن يُجري المقابلة: لا تُقرأ أمثلة. يُترك الشخص ليجيب بكلماته الخاصة، ثم يُسجَّل عدد العلامات الصحيحة التي ذكرها (مثل: مصادرة الوثائق، أو دَين يتزايد باستمرار، أو عدم حرية المغادرة، أو عمل مختلف عمّا وُعد به).'
		)
	}
);

const Q_KNOW_SAFE_MIGRATION: LibraryQuestion = {
	question: ask(
		'select_one',
		'know_safe_migration',
		text4(
			'I know the steps to take to travel and work abroad safely.',
			'Je connais les démarches à suivre pour partir travailler à l’étranger en sécurité.',
			'Conozco los pasos que debo seguir para viajar y trabajar en el extranjero de forma segura.',
			'أعرف الخطوات اللازمة للسفر والعمل في الخارج بأمان.'
		),
		{
			hint: text4(
				'For example: checking that a recruiter is licensed, getting a written contract, keeping copies of your documents, knowing whom to call for help abroad. How much do you agree?',
				'Par exemple : vérifier qu’un recruteur est agréé, obtenir un contrat écrit, garder des copies de vos papiers, savoir qui appeler à l’étranger en cas de besoin. Dans quelle mesure êtes-vous d’accord ?',
				'Por ejemplo: comprobar que un reclutador tiene licencia, conseguir un contrato por escrito, guardar copias de sus documentos, saber a quién llamar en el extranjero si necesita ayuda. ¿En qué medida está de acuerdo?',
				'مثل: التأكد من أن جهة التوظيف مرخَّصة، والحصول على عقد مكتوب، والاحتفاظ بنسخ من الوثائق، ومعرفة من يمكن الاتصال به طلبًا للمساعدة في الخارج. ما مدى موافقتك؟'
			),
			listName: AGREE5.name
		}
	),
	list: AGREE5
};

const Q_MIGRATION_PLANS = select(
	'select_multiple',
	'migration_plans',
	text4(
		'Before you leave to work abroad, which of these do you plan to do?',
		'Avant de partir travailler à l’étranger, lesquelles de ces démarches comptez-vous faire ?',
		'Antes de irse a trabajar al extranjero, ¿cuáles de estas cosas piensa hacer?',
		'قبل السفر للعمل في الخارج، أيٌّ من هذه الأمور تنوي القيام به؟'
	),
	MIGRATION_PLANS,
	{ hint: CHOOSE_ALL }
);

// ---------------------------------------------------------------------------------------------
// Means of verification

const MOV_FEEDBACK = text6(
	'Anonymous feedback survey of assisted survivors (web or SMS), every reporting period',
	'Enquête anonyme auprès des personnes survivantes accompagnées (web ou SMS), à chaque période de rapport',
	'Encuesta anónima de opinión a personas sobrevivientes atendidas (web o SMS), en cada periodo de informe',
	'استبيان مجهول الهوية لآراء الناجين والناجيات الذين تلقّوا المساعدة (عبر الإنترنت أو الرسائل القصيرة)، في كل فترة إبلاغ',
	'Inquérito anónimo de opinião às pessoas sobreviventes apoiadas (web ou SMS), em cada período de relatório',
	'Анонимный опрос пострадавших, получивших помощь (через интернет или SMS), в каждом отчётном периоде'
);

const MOV_ROUNDS = text6(
	'Anonymous survey of assisted survivors at baseline, midline and endline (the same questions each round)',
	'Enquête anonyme auprès des personnes survivantes accompagnées en début, en milieu et en fin de programme (mêmes questions à chaque passage)',
	'Encuesta anónima a personas sobrevivientes atendidas al inicio, a mitad y al final del programa (las mismas preguntas en cada ronda)',
	'استبيان مجهول الهوية للناجين والناجيات الذين تلقّوا المساعدة في بداية البرنامج ومنتصفه ونهايته (الأسئلة نفسها في كل جولة)',
	'Inquérito anónimo às pessoas sobreviventes apoiadas no início, a meio e no fim do programa (as mesmas perguntas em cada ronda)',
	'Анонимный опрос пострадавших, получивших помощь, в начале, середине и конце программы (одни и те же вопросы в каждом раунде)'
);

const MOV_FOLLOW_UP = text6(
	'Anonymous follow-up survey of survivors whose support ended at least 12 months earlier (months since support ended ≥ 12)',
	'Enquête de suivi anonyme auprès des personnes dont l’accompagnement a pris fin depuis au moins 12 mois (mois depuis la fin du soutien ≥ 12)',
	'Encuesta de seguimiento anónima a personas sobrevivientes cuyo apoyo terminó hace al menos 12 meses (meses desde el fin del apoyo ≥ 12)',
	'استبيان متابعة مجهول الهوية للناجين والناجيات الذين انتهى الدعم المقدَّم لهم منذ 12 شهرًا على الأقل (عدد الأشهر منذ انتهاء الدعم ≥ 12)',
	'Inquérito de acompanhamento anónimo às pessoas sobreviventes cujo apoio terminou há pelo menos 12 meses (meses desde o fim do apoio ≥ 12)',
	'Анонимный контрольный опрос пострадавших, поддержка которых завершилась не менее 12 месяцев назад (месяцев с окончания поддержки ≥ 12)'
);

const MOV_FEEDBACK_COUNT = text6(
	'Anonymous feedback survey; counts respondents only (case records give the full number)',
	'Enquête anonyme auprès des personnes accompagnées ; ne compte que les personnes qui ont répondu (les dossiers de suivi donnent le nombre total)',
	'Encuesta anónima de opinión; solo cuenta a quienes responden (los expedientes dan el número total)',
	'استبيان آراء مجهول الهوية؛ لا يحتسب إلا من أجابوا عنه (تتضمن سجلات الحالات العدد الكامل)',
	'Inquérito anónimo de opinião; conta apenas quem responde (os processos de acompanhamento dão o número total)',
	'Анонимный опрос; учитываются только ответившие (полное число — по данным ведения случаев)'
);

const MOV_CASE_RECORDS = text6(
	'Case management records, aggregated without names',
	'Dossiers de gestion des cas, agrégés sans noms',
	'Registros de gestión de casos, agregados sin nombres',
	'سجلات إدارة الحالات، مجمَّعة دون أسماء',
	'Registos de gestão de casos, agregados sem nomes',
	'Данные системы ведения случаев в обобщённом виде, без имён'
);

const MOV_TIMELINESS = text6(
	'Case management records (date of identification and date of first assistance)',
	'Dossiers de gestion des cas (date d’identification et date de la première assistance)',
	'Registros de gestión de casos (fecha de identificación y fecha de la primera asistencia)',
	'سجلات إدارة الحالات (تاريخ تحديد الهوية وتاريخ تقديم أول مساعدة)',
	'Registos de gestão de casos (data de identificação e data da primeira assistência)',
	'Данные системы ведения случаев (дата выявления и дата оказания первой помощи)'
);

const MOV_FINANCE = text6(
	'Finance records divided by the number of people assisted in the same period',
	'Données financières divisées par le nombre de personnes assistées sur la même période',
	'Registros financieros divididos por el número de personas atendidas en el mismo periodo',
	'السجلات المالية مقسومة على عدد الأشخاص الذين تلقّوا المساعدة في الفترة نفسها',
	'Registos financeiros divididos pelo número de pessoas apoiadas no mesmo período',
	'Финансовая отчётность, делённая на число получателей помощи за тот же период'
);

const MOV_REFERRALS = text6(
	'Referral register and confirmations from receiving services',
	'Registre des orientations et confirmations des services d’accueil',
	'Registro de derivaciones y confirmaciones de los servicios receptores',
	'سجل الإحالات وتأكيدات الخدمات المستقبِلة',
	'Registo de encaminhamentos e confirmações dos serviços recetores',
	'Журнал направлений и подтверждения от принимающих служб'
);

const MOV_AGREEMENTS = text6(
	'Signed standard operating procedures or referral agreements; coordination meeting minutes',
	'Procédures opérationnelles standard ou accords d’orientation signés ; comptes rendus des réunions de coordination',
	'Procedimientos operativos estándar o acuerdos de derivación firmados; actas de las reuniones de coordinación',
	'إجراءات التشغيل الموحّدة أو اتفاقات الإحالة الموقَّعة؛ ومحاضر اجتماعات التنسيق',
	'Procedimentos operacionais normalizados ou acordos de referenciação assinados; atas das reuniões de coordenação',
	'Подписанные стандартные операционные процедуры или соглашения о перенаправлении; протоколы координационных совещаний'
);

const MOV_TRAINING = text6(
	'Training attendance lists and post-test results (pass mark set before the training)',
	'Listes de présence aux formations et résultats des tests de fin de formation (seuil de réussite fixé avant la formation)',
	'Listas de asistencia a las formaciones y resultados de las pruebas posteriores (nota mínima fijada antes de la formación)',
	'قوائم حضور التدريب ونتائج اختبارات ما بعد التدريب (مع تحديد درجة النجاح قبل التدريب)',
	'Listas de presença nas formações e resultados dos testes pós-formação (nota mínima definida antes da formação)',
	'Списки участников обучения и результаты итоговых тестов (проходной балл устанавливается до начала обучения)'
);

const MOV_CJ_SURVEY = text6(
	'Anonymous survey of trained criminal-justice actors 3 to 6 months after training, checked against a sample of case files',
	'Enquête anonyme auprès des acteurs de la chaîne pénale formés, 3 à 6 mois après la formation, recoupée avec un échantillon de dossiers',
	'Encuesta anónima a operadores de justicia penal capacitados, de 3 a 6 meses después de la formación, contrastada con una muestra de expedientes',
	'استبيان مجهول الهوية للجهات الفاعلة في العدالة الجنائية ممن تلقّوا التدريب، بعد 3 إلى 6 أشهر من التدريب، مع مقارنته بعيّنة من ملفات القضايا',
	'Inquérito anónimo aos atores da justiça penal formados, 3 a 6 meses após a formação, confrontado com uma amostra de processos',
	'Анонимный опрос обученных сотрудников системы уголовного правосудия через 3–6 месяцев после обучения, сверенный с выборкой материалов дел'
);

const MOV_PROSECUTION = text6(
	'Prosecution service and court records',
	'Registres du parquet et des tribunaux',
	'Registros de la fiscalía y de los tribunales',
	'سجلات النيابة العامة والمحاكم',
	'Registos do Ministério Público e dos tribunais',
	'Данные прокуратуры и судов'
);

const MOV_LEGAL = text6(
	'Official gazette and adopted texts, reviewed against the UN Trafficking in Persons Protocol',
	'Journal officiel et textes adoptés, analysés au regard du Protocole des Nations Unies relatif à la traite des personnes',
	'Boletín oficial y textos adoptados, analizados a la luz del Protocolo de las Naciones Unidas sobre la trata de personas',
	'الجريدة الرسمية والنصوص المعتمَدة، مع مراجعتها في ضوء بروتوكول الأمم المتحدة لمنع الاتجار بالأشخاص',
	'Diário oficial e textos adotados, analisados à luz do Protocolo das Nações Unidas relativo ao tráfico de pessoas',
	'Официальные публикации и принятые тексты, проанализированные на соответствие Протоколу ООН о торговле людьми'
);

const MOV_COMMUNITY = text6(
	'Community knowledge survey of a random sample, interviewer-administered, at baseline and endline',
	'Enquête sur les connaissances auprès d’un échantillon aléatoire de la communauté, menée par des enquêteurs ou enquêtrices, en début et en fin de programme',
	'Encuesta de conocimientos a una muestra aleatoria de la comunidad, aplicada por personal encuestador, al inicio y al final del programa',
	'استبيان معارف لعيّنة عشوائية من المجتمع المحلي يُجريه باحثون ميدانيون، في بداية البرنامج ونهايته',
	'Inquérito de conhecimentos a uma amostra aleatória da comunidade, aplicado por entrevistadores, no início e no fim do programa',
	'Опрос о знаниях на случайной выборке членов сообщества, проводимый интервьюерами, в начале и в конце программы'
);

const MOV_MIGRANTS = text6(
	'Short anonymous survey of prospective migrants at the end of pre-departure sessions (self-reported)',
	'Court questionnaire anonyme auprès des candidats et candidates à la migration à la fin des séances d’information avant le départ (déclaratif)',
	'Breve encuesta anónima a personas que planean migrar al final de las sesiones previas a la partida (autodeclarado)',
	'استبيان قصير مجهول الهوية للراغبين والراغبات في الهجرة في نهاية جلسات التوجيه السابقة للسفر (إفادة ذاتية)',
	'Breve inquérito anónimo a potenciais migrantes no final das sessões de pré-partida (autodeclarado)',
	'Краткий анонимный опрос потенциальных мигрантов по окончании занятий перед отъездом (самооценка)'
);

const MOV_ACTIVITY = text6(
	'Activity reports and attendance records',
	'Rapports d’activité et listes de présence',
	'Informes de actividades y listas de asistencia',
	'تقارير الأنشطة وسجلات الحضور',
	'Relatórios de atividades e listas de presença',
	'Отчёты о мероприятиях и списки участников'
);

const MOV_LEARNING = text6(
	'Programme learning log: each study or review and the decision it informed',
	'Registre d’apprentissage du programme : chaque étude ou analyse et la décision qu’elle a éclairée',
	'Registro de aprendizaje del programa: cada estudio o análisis y la decisión que fundamentó',
	'سجل التعلّم في البرنامج: كل دراسة أو مراجعة والقرار الذي استند إليها',
	'Registo de aprendizagem do programa: cada estudo ou análise e a decisão que fundamentou',
	'Журнал извлечённых уроков программы: каждое исследование или обзор и решение, принятое на его основе'
);

const MOV_BUDGETS = text6(
	'Public budget documents and funding agreements with service providers',
	'Documents budgétaires publics et conventions de financement avec les prestataires de services',
	'Documentos presupuestarios públicos y convenios de financiación con los proveedores de servicios',
	'وثائق الميزانية العامة واتفاقات التمويل مع مقدّمي الخدمات',
	'Documentos orçamentais públicos e acordos de financiamento com os prestadores de serviços',
	'Документы государственного бюджета и соглашения о финансировании с поставщиками услуг'
);

// ---------------------------------------------------------------------------------------------
// The library

/** Person-level breakdowns, sex first (USAID), then age band and form of exploitation (SDG 16.2.2). */
const PERSON = ['gender', 'age_band', 'exploitation_form'];
/** For surveys of the general public or of professionals, which have no exploitation question. */
const PUBLIC = ['gender', 'age_band'];

type Meta = Omit<LibraryIndicatorBase, 'kind'>;

function survey(
	meta: Meta,
	question: LibraryQuestion,
	rule: IndicatorRule,
	moreQuestions?: readonly LibraryQuestion[]
): SurveyLibraryIndicator {
	return {
		...meta,
		kind: rule.kind,
		source: 'survey',
		question,
		...(moreQuestions && { moreQuestions }),
		rule
	};
}

function manual(meta: Meta, kind: IndicatorKind): ManualLibraryIndicator {
	return { ...meta, kind, source: 'manual', question: null, rule: null };
}

const ENTRIES: LibraryIndicator[] = [
	// Survivors' experience of the support -------------------------------------------------------
	survey(
		{
			id: 'satisfied-with-support',
			code: 'SAT-1',
			level: 'outcome',
			icat: ['victim_protection', 'reintegration'],
			criterion: 'effectiveness',
			unit: '%',
			direction: 'increase',
			statement: text6(
				'% of assisted survivors who are satisfied with the support they received',
				'Pourcentage de personnes survivantes accompagnées qui sont satisfaites du soutien reçu',
				'Porcentaje de personas sobrevivientes atendidas que están satisfechas con el apoyo recibido',
				'نسبة الناجين والناجيات الذين تلقّوا المساعدة ممن أعربوا عن رضاهم عن الدعم المقدَّم لهم',
				'Percentagem de pessoas sobreviventes apoiadas que estão satisfeitas com o apoio recebido',
				'Доля пострадавших, получивших помощь, которые удовлетворены оказанной поддержкой'
			),
			disaggregations: PERSON,
			meansOfVerification: MOV_FEEDBACK
		},
		Q_SATISFACTION,
		{
			kind: 'percentInSet',
			question: 'satisfaction',
			choices: ['very_satisfied', 'fairly_satisfied']
		}
	),
	survey(
		{
			id: 'would-recommend',
			code: 'SAT-2',
			level: 'outcome',
			icat: ['victim_protection'],
			criterion: 'effectiveness',
			unit: '%',
			direction: 'increase',
			statement: text6(
				'% of assisted survivors who would recommend the service to someone in a similar situation',
				'Pourcentage de personnes survivantes accompagnées qui recommanderaient le service à une personne dans une situation semblable',
				'Porcentaje de personas sobrevivientes atendidas que recomendarían el servicio a alguien en una situación parecida',
				'نسبة الناجين والناجيات الذين تلقّوا المساعدة ممن ينصحون بالخدمة شخصًا يمرّ بظروف مشابهة',
				'Percentagem de pessoas sobreviventes apoiadas que recomendariam o serviço a alguém numa situação semelhante',
				'Доля пострадавших, получивших помощь, которые порекомендовали бы эту службу человеку в похожей ситуации'
			),
			disaggregations: PERSON,
			meansOfVerification: MOV_FEEDBACK
		},
		Q_RECOMMEND,
		{ kind: 'percentInSet', question: 'recommend', choices: ['yes'] }
	),
	survey(
		{
			id: 'support-met-needs',
			code: 'REL-1',
			level: 'outcome',
			icat: ['victim_protection', 'reintegration'],
			criterion: 'relevance',
			unit: '%',
			direction: 'increase',
			statement: text6(
				'% of assisted survivors who say the support was what they needed',
				'Pourcentage de personnes survivantes accompagnées qui estiment que le soutien correspondait à leurs besoins',
				'Porcentaje de personas sobrevivientes atendidas que afirman que el apoyo respondió a sus necesidades',
				'نسبة الناجين والناجيات الذين تلقّوا المساعدة ممن يرون أن الدعم لبّى احتياجاتهم',
				'Percentagem de pessoas sobreviventes apoiadas que afirmam que o apoio correspondeu às suas necessidades',
				'Доля пострадавших, получивших помощь, которые считают, что поддержка отвечала их потребностям'
			),
			disaggregations: PERSON,
			meansOfVerification: MOV_FEEDBACK
		},
		Q_SUPPORT_MET_NEEDS,
		{ kind: 'percentInSet', question: 'support_met_needs', choices: AGREEING }
	),
	survey(
		{
			id: 'say-in-decisions',
			code: 'REL-2',
			level: 'outcome',
			icat: ['victim_protection'],
			criterion: 'relevance',
			unit: '%',
			direction: 'increase',
			statement: text6(
				'% of assisted survivors who report having had a say in decisions about their support',
				'Pourcentage de personnes survivantes accompagnées qui déclarent avoir pu donner leur avis sur les décisions concernant leur accompagnement',
				'Porcentaje de personas sobrevivientes atendidas que afirman haber podido opinar en las decisiones sobre su apoyo',
				'نسبة الناجين والناجيات الذين تلقّوا المساعدة ممن أفادوا بأنه كان لهم رأي في القرارات المتعلقة بالدعم المقدَّم لهم',
				'Percentagem de pessoas sobreviventes apoiadas que afirmam ter tido voz nas decisões sobre o seu apoio',
				'Доля пострадавших, получивших помощь, которые сообщают, что могли участвовать в принятии решений о своей поддержке'
			),
			disaggregations: PERSON,
			meansOfVerification: MOV_FEEDBACK
		},
		Q_SAY_IN_DECISIONS,
		{ kind: 'percentInSet', question: 'say_in_decisions', choices: AGREEING }
	),
	survey(
		{
			id: 'treated-with-respect',
			code: 'DIG-1',
			level: 'outcome',
			icat: ['victim_protection'],
			criterion: 'effectiveness',
			unit: '%',
			direction: 'increase',
			statement: text6(
				'% of assisted survivors who report being treated with respect by staff',
				'Pourcentage de personnes survivantes accompagnées qui déclarent avoir été traitées avec respect par le personnel',
				'Porcentaje de personas sobrevivientes atendidas que afirman haber recibido un trato respetuoso del personal',
				'نسبة الناجين والناجيات الذين تلقّوا المساعدة ممن أفادوا بأن الموظفين عاملوهم باحترام',
				'Percentagem de pessoas sobreviventes apoiadas que afirmam ter sido tratadas com respeito pela equipa',
				'Доля пострадавших, получивших помощь, которые сообщают, что сотрудники относились к ним с уважением'
			),
			disaggregations: PERSON,
			meansOfVerification: MOV_FEEDBACK
		},
		Q_RESPECT,
		{ kind: 'percentInSet', question: 'respect', choices: AGREEING }
	),
	survey(
		{
			id: 'clear-information',
			code: 'DIG-2',
			level: 'outcome',
			icat: ['victim_protection', 'criminal_justice'],
			criterion: 'effectiveness',
			unit: '%',
			direction: 'increase',
			statement: text6(
				'% of assisted survivors who report getting clear information about their options and rights',
				'Pourcentage de personnes survivantes accompagnées qui déclarent avoir reçu des informations claires sur leurs choix et leurs droits',
				'Porcentaje de personas sobrevivientes atendidas que afirman haber recibido información clara sobre sus opciones y derechos',
				'نسبة الناجين والناجيات الذين تلقّوا المساعدة ممن أفادوا بحصولهم على معلومات واضحة عن خياراتهم وحقوقهم',
				'Percentagem de pessoas sobreviventes apoiadas que afirmam ter recebido informação clara sobre as suas opções e direitos',
				'Доля пострадавших, получивших помощь, которые сообщают, что получили понятную информацию о своих возможностях и правах'
			),
			disaggregations: PERSON,
			meansOfVerification: MOV_FEEDBACK
		},
		Q_CLEAR_INFORMATION,
		{ kind: 'percentInSet', question: 'clear_information', choices: AGREEING }
	),
	survey(
		{
			id: 'privacy-kept',
			code: 'DIG-3',
			level: 'outcome',
			icat: ['victim_protection'],
			criterion: 'effectiveness',
			unit: '%',
			direction: 'increase',
			statement: text6(
				'% of assisted survivors who say what they shared was kept private',
				'Pourcentage de personnes survivantes accompagnées qui estiment que ce qu’elles ont confié est resté confidentiel',
				'Porcentaje de personas sobrevivientes atendidas que afirman que lo que contaron se mantuvo en privado',
				'نسبة الناجين والناجيات الذين تلقّوا المساعدة ممن أفادوا بأن ما شاركوه من معلومات بقي سرّيًا',
				'Percentagem de pessoas sobreviventes apoiadas que afirmam que o que partilharam foi mantido confidencial',
				'Доля пострадавших, получивших помощь, которые сообщают, что доверенные ими сведения остались конфиденциальными'
			),
			disaggregations: PERSON,
			meansOfVerification: MOV_FEEDBACK
		},
		Q_PRIVACY_KEPT,
		{ kind: 'percentInSet', question: 'privacy_kept', choices: ['yes'] }
	),
	survey(
		{
			id: 'felt-safe-during-support',
			code: 'SAF-1',
			level: 'outcome',
			icat: ['victim_protection'],
			criterion: 'effectiveness',
			unit: '%',
			direction: 'increase',
			statement: text6(
				'% of assisted survivors who felt safe always or most of the time while receiving support',
				'Pourcentage de personnes survivantes accompagnées qui se sont senties en sécurité toujours ou la plupart du temps pendant leur accompagnement',
				'Porcentaje de personas sobrevivientes atendidas que se sintieron seguras siempre o casi siempre mientras recibían apoyo',
				'نسبة الناجين والناجيات الذين تلقّوا المساعدة ممن شعروا بالأمان دائمًا أو معظم الوقت أثناء تلقّي الدعم',
				'Percentagem de pessoas sobreviventes apoiadas que se sentiram seguras sempre ou na maior parte do tempo enquanto recebiam apoio',
				'Доля пострадавших, получивших помощь, которые всегда или большую часть времени чувствовали себя в безопасности во время получения поддержки'
			),
			disaggregations: PERSON,
			meansOfVerification: MOV_FEEDBACK
		},
		Q_FELT_SAFE_DURING,
		{ kind: 'percentInSet', question: 'felt_safe_during', choices: ['always', 'mostly'] }
	),
	// Survivors' situation: safety, wellbeing, harm ----------------------------------------------
	survey(
		{
			id: 'feeling-of-safety-mean',
			code: 'SAF-2',
			level: 'outcome',
			icat: ['victim_protection', 'reintegration'],
			criterion: 'impact',
			unit: 'score 0–10',
			direction: 'increase',
			statement: text6(
				'Mean feeling-of-safety score of assisted survivors (0–10)',
				'Score moyen du sentiment de sécurité des personnes survivantes accompagnées (0 à 10)',
				'Puntuación media de la sensación de seguridad de las personas sobrevivientes atendidas (0 a 10)',
				'متوسط درجة الشعور بالأمان لدى الناجين والناجيات الذين تلقّوا المساعدة (من 0 إلى 10)',
				'Pontuação média da sensação de segurança das pessoas sobreviventes apoiadas (0 a 10)',
				'Средний балл ощущения безопасности у пострадавших, получивших помощь (от 0 до 10)'
			),
			disaggregations: PERSON,
			meansOfVerification: MOV_ROUNDS
		},
		Q_SAFETY_TODAY,
		{ kind: 'mean', question: 'safety_today' }
	),
	survey(
		{
			id: 'feeling-of-safety-median',
			code: 'SAF-3',
			level: 'outcome',
			icat: ['victim_protection', 'reintegration'],
			criterion: 'impact',
			unit: 'score 0–10',
			direction: 'increase',
			statement: text6(
				'Median feeling-of-safety score of assisted survivors (0–10)',
				'Score médian du sentiment de sécurité des personnes survivantes accompagnées (0 à 10)',
				'Puntuación mediana de la sensación de seguridad de las personas sobrevivientes atendidas (0 a 10)',
				'الوسيط لدرجة الشعور بالأمان لدى الناجين والناجيات الذين تلقّوا المساعدة (من 0 إلى 10)',
				'Pontuação mediana da sensação de segurança das pessoas sobreviventes apoiadas (0 a 10)',
				'Медианный балл ощущения безопасности у пострадавших, получивших помощь (от 0 до 10)'
			),
			disaggregations: PERSON,
			meansOfVerification: MOV_ROUNDS
		},
		Q_SAFETY_TODAY,
		{ kind: 'median', question: 'safety_today' }
	),
	survey(
		{
			id: 'wellbeing-score',
			code: 'WELL-1',
			level: 'outcome',
			icat: ['victim_protection', 'reintegration'],
			criterion: 'impact',
			unit: 'score 0–100',
			direction: 'increase',
			statement: text6(
				'Mean wellbeing score of assisted survivors (WHO-5 style, 0–100)',
				'Score moyen de bien-être des personnes survivantes accompagnées (type OMS-5, 0 à 100)',
				'Puntuación media de bienestar de las personas sobrevivientes atendidas (tipo OMS-5, 0 a 100)',
				'متوسط درجة الرفاه لدى الناجين والناجيات الذين تلقّوا المساعدة (على غرار مؤشر WHO-5 لمنظمة الصحة العالمية، من 0 إلى 100)',
				'Pontuação média de bem-estar das pessoas sobreviventes apoiadas (tipo OMS-5, 0 a 100)',
				'Средний балл благополучия пострадавших, получивших помощь (по типу индекса ВОЗ-5, от 0 до 100)'
			),
			disaggregations: PERSON,
			meansOfVerification: MOV_ROUNDS
		},
		Q_WELLBEING[0],
		{
			kind: 'scaleScore',
			items: Q_WELLBEING.map((item) => item.question.name),
			// The WHO-5 is scored only when every item is answered: the default.
			rescaleFrom: { min: 0, max: 5 }
		},
		Q_WELLBEING.slice(1)
	),
	survey(
		{
			id: 'support-caused-problems',
			code: 'HARM-1',
			level: 'outcome',
			icat: ['victim_protection', 'reintegration'],
			criterion: 'impact',
			unit: '%',
			direction: 'decrease',
			statement: text6(
				'% of assisted survivors who report that the support caused problems for them or their family',
				'Pourcentage de personnes survivantes accompagnées qui déclarent que le soutien a causé des problèmes pour elles ou leur famille',
				'Porcentaje de personas sobrevivientes atendidas que afirman que el apoyo les causó problemas a ellas o a su familia',
				'نسبة الناجين والناجيات الذين تلقّوا المساعدة ممن أفادوا بأن الدعم سبّب مشكلات لهم أو لعائلاتهم',
				'Percentagem de pessoas sobreviventes apoiadas que afirmam que o apoio lhes causou problemas a si ou à sua família',
				'Доля пострадавших, получивших помощь, которые сообщают, что поддержка создала проблемы для них или их семьи'
			),
			disaggregations: PERSON,
			meansOfVerification: MOV_FEEDBACK
		},
		Q_SUPPORT_CAUSED_PROBLEMS,
		{ kind: 'percentInSet', question: 'support_caused_problems', choices: ['yes'] }
	),
	// Lasting change ------------------------------------------------------------------------------
	survey(
		{
			id: 'know-where-to-get-help',
			code: 'PRO-1',
			level: 'outcome',
			icat: ['victim_protection', 'reintegration'],
			criterion: 'sustainability',
			unit: '%',
			direction: 'increase',
			statement: text6(
				'% of assisted survivors who know where to get help if they feel at risk again',
				'Pourcentage de personnes survivantes accompagnées qui savent où trouver de l’aide si elles se sentent de nouveau en danger',
				'Porcentaje de personas sobrevivientes atendidas que saben dónde pedir ayuda si vuelven a sentirse en peligro',
				'نسبة الناجين والناجيات الذين تلقّوا المساعدة ممن يعرفون إلى أين يتوجّهون لطلب المساعدة إذا شعروا بالخطر مرة أخرى',
				'Percentagem de pessoas sobreviventes apoiadas que sabem onde pedir ajuda se voltarem a sentir-se em perigo',
				'Доля пострадавших, получивших помощь, которые знают, куда обратиться за помощью, если снова почувствуют угрозу'
			),
			disaggregations: PERSON,
			meansOfVerification: MOV_FEEDBACK
		},
		Q_KNOW_WHERE_HELP,
		{ kind: 'percentInSet', question: 'know_where_help', choices: AGREEING }
	),
	survey(
		{
			id: 'regular-income-12-months',
			code: 'LIV-1',
			level: 'outcome',
			icat: ['livelihoods', 'reintegration'],
			criterion: 'sustainability',
			unit: '%',
			direction: 'increase',
			statement: text6(
				'% of assisted survivors with a regular income 12 months after their support ended',
				'Pourcentage de personnes survivantes accompagnées disposant d’un revenu régulier 12 mois après la fin de leur accompagnement',
				'Porcentaje de personas sobrevivientes atendidas con ingresos regulares 12 meses después de terminar el apoyo',
				'نسبة الناجين والناجيات الذين تلقّوا المساعدة ممن لديهم دخل منتظم بعد 12 شهرًا من انتهاء الدعم',
				'Percentagem de pessoas sobreviventes apoiadas com rendimento regular 12 meses após o fim do apoio',
				'Доля пострадавших, получивших помощь, которые имеют регулярный доход через 12 месяцев после окончания поддержки'
			),
			disaggregations: PERSON,
			meansOfVerification: MOV_FOLLOW_UP
		},
		Q_REGULAR_INCOME,
		{ kind: 'percentInSet', question: 'regular_income', choices: ['yes'] }
	),
	survey(
		{
			id: 'people-to-rely-on',
			code: 'REI-1',
			level: 'outcome',
			icat: ['reintegration'],
			criterion: 'sustainability',
			unit: '%',
			direction: 'increase',
			statement: text6(
				'% of assisted survivors who have at least one person they can rely on for help',
				'Pourcentage de personnes survivantes accompagnées qui peuvent compter sur au moins une personne en cas de besoin',
				'Porcentaje de personas sobrevivientes atendidas que tienen al menos una persona con la que pueden contar si necesitan ayuda',
				'نسبة الناجين والناجيات الذين تلقّوا المساعدة ممن لديهم شخص واحد على الأقل يمكنهم الاعتماد عليه عند الحاجة',
				'Percentagem de pessoas sobreviventes apoiadas que têm pelo menos uma pessoa com quem podem contar se precisarem de ajuda',
				'Доля пострадавших, получивших помощь, у которых есть хотя бы один человек, на которого можно положиться в трудную минуту'
			),
			disaggregations: PERSON,
			meansOfVerification: MOV_FOLLOW_UP
		},
		Q_PEOPLE_TO_RELY_ON,
		{ kind: 'percentInSet', question: 'people_to_rely_on', choices: ['one_or_two', 'several'] }
	),
	// Timeliness and cost -------------------------------------------------------------------------
	survey(
		{
			id: 'waited-too-long',
			code: 'EFF-1',
			level: 'output',
			icat: ['victim_protection'],
			criterion: 'efficiency',
			unit: '%',
			direction: 'decrease',
			statement: text6(
				'% of assisted survivors who say they waited too long for support',
				'Pourcentage de personnes survivantes accompagnées qui déclarent avoir attendu trop longtemps avant de recevoir du soutien',
				'Porcentaje de personas sobrevivientes atendidas que afirman haber esperado demasiado para recibir apoyo',
				'نسبة الناجين والناجيات الذين تلقّوا المساعدة ممن أفادوا بأنهم انتظروا أكثر من اللازم للحصول على الدعم',
				'Percentagem de pessoas sobreviventes apoiadas que afirmam ter esperado demasiado tempo pelo apoio',
				'Доля пострадавших, получивших помощь, которые сообщают, что слишком долго ждали поддержки'
			),
			disaggregations: PERSON,
			meansOfVerification: MOV_FEEDBACK
		},
		Q_WAITED_TOO_LONG,
		{ kind: 'percentInSet', question: 'waited_too_long', choices: ['yes'] }
	),
	manual(
		{
			id: 'days-to-first-assistance',
			code: 'EFF-2',
			level: 'output',
			icat: ['victim_protection'],
			criterion: 'efficiency',
			unit: 'days',
			direction: 'decrease',
			statement: text6(
				'Median number of days from identification to the first assistance',
				'Nombre médian de jours entre l’identification et la première assistance',
				'Mediana de días entre la identificación y la primera asistencia',
				'الوسيط لعدد الأيام بين تحديد هوية الضحية وتقديم أول مساعدة لها',
				'Número mediano de dias entre a identificação e a primeira assistência',
				'Медианное число дней от выявления до оказания первой помощи'
			),
			disaggregations: PERSON,
			meansOfVerification: MOV_TIMELINESS
		},
		'median'
	),
	manual(
		{
			id: 'cost-per-person-assisted',
			code: 'EFF-3',
			level: 'output',
			icat: ['victim_protection', 'reintegration'],
			criterion: 'efficiency',
			unit: 'cost per person',
			direction: 'decrease',
			statement: text6(
				'Average cost of the support package per person assisted',
				'Coût moyen de l’accompagnement par personne assistée',
				'Costo medio del paquete de apoyo por persona atendida',
				'متوسط تكلفة حزمة الدعم لكل شخص تلقّى المساعدة',
				'Custo médio do pacote de apoio por pessoa apoiada',
				'Средняя стоимость пакета поддержки в расчёте на одного получателя помощи'
			),
			disaggregations: [],
			meansOfVerification: MOV_FINANCE
		},
		'mean'
	),
	// Referral and coordination -------------------------------------------------------------------
	survey(
		{
			id: 'referral-helpful',
			code: 'REF-1',
			level: 'outcome',
			icat: ['coordination', 'victim_protection'],
			criterion: 'coherence',
			unit: '%',
			direction: 'increase',
			statement: text6(
				'% of referred survivors who found the referral helpful',
				'Pourcentage de personnes survivantes orientées vers un autre service qui ont trouvé cette orientation utile',
				'Porcentaje de personas sobrevivientes derivadas a otro servicio que consideraron útil la derivación',
				'نسبة الناجين والناجيات الذين أُحيلوا إلى خدمة أخرى ممن وجدوا الإحالة مفيدة',
				'Percentagem de pessoas sobreviventes encaminhadas para outro serviço que consideraram o encaminhamento útil',
				'Доля пострадавших, направленных в другие службы, которые сочли направление полезным'
			),
			disaggregations: PERSON,
			meansOfVerification: MOV_FEEDBACK
		},
		Q_REFERRAL_HELPED,
		{ kind: 'percentInSet', question: 'referral_helped', choices: ['yes_a_lot', 'somewhat'] }
	),
	survey(
		{
			id: 'referred-to-other-service',
			code: 'REF-2',
			level: 'output',
			icat: ['coordination'],
			criterion: 'coherence',
			unit: '%',
			direction: 'increase',
			statement: text6(
				'% of assisted survivors referred to another service or organisation',
				'Pourcentage de personnes survivantes accompagnées orientées vers un autre service ou une autre organisation',
				'Porcentaje de personas sobrevivientes atendidas derivadas a otro servicio u organización',
				'نسبة الناجين والناجيات الذين تلقّوا المساعدة ممن أُحيلوا إلى خدمة أو جهة أخرى',
				'Percentagem de pessoas sobreviventes apoiadas encaminhadas para outro serviço ou organização',
				'Доля пострадавших, получивших помощь, которых направили в другую службу или организацию'
			),
			disaggregations: PERSON,
			meansOfVerification: MOV_FEEDBACK
		},
		Q_WAS_REFERRED,
		{ kind: 'percentInSet', question: 'was_referred', choices: ['yes'] }
	),
	manual(
		{
			id: 'cases-referred',
			code: 'REF-3',
			level: 'output',
			icat: ['coordination', 'victim_protection'],
			criterion: 'coherence',
			unit: 'cases',
			direction: 'increase',
			statement: text6(
				'Number of cases referred to specialised services through the referral mechanism',
				'Nombre de cas orientés vers des services spécialisés par le mécanisme d’orientation',
				'Número de casos derivados a servicios especializados a través del mecanismo de derivación',
				'عدد الحالات المُحالة إلى خدمات متخصّصة عبر آلية الإحالة',
				'Número de casos encaminhados para serviços especializados através do mecanismo de referenciação',
				'Число случаев, направленных в специализированные службы через механизм перенаправления'
			),
			disaggregations: PERSON,
			meansOfVerification: MOV_REFERRALS
		},
		'count'
	),
	manual(
		{
			id: 'organisations-in-referral-mechanism',
			code: 'COO-1',
			level: 'output',
			icat: ['coordination'],
			criterion: 'coherence',
			unit: 'organisations',
			direction: 'increase',
			statement: text6(
				'Number of organisations that have signed the referral mechanism’s standard operating procedures',
				'Nombre d’organisations ayant signé les procédures opérationnelles standard du mécanisme d’orientation',
				'Número de organizaciones que han firmado los procedimientos operativos estándar del mecanismo de derivación',
				'عدد الجهات التي وقّعت على إجراءات التشغيل الموحّدة لآلية الإحالة',
				'Número de organizações que assinaram os procedimentos operacionais normalizados do mecanismo de referenciação',
				'Число организаций, подписавших стандартные операционные процедуры механизма перенаправления'
			),
			disaggregations: [],
			meansOfVerification: MOV_AGREEMENTS
		},
		'count'
	),
	manual(
		{
			id: 'services-publicly-funded',
			code: 'SUS-1',
			level: 'outcome',
			icat: ['coordination', 'victim_protection'],
			criterion: 'sustainability',
			unit: 'services',
			direction: 'increase',
			statement: text6(
				'Number of referral-network services funded from national or local public budgets',
				'Nombre de services du réseau d’orientation financés par des budgets publics nationaux ou locaux',
				'Número de servicios de la red de derivación financiados con presupuestos públicos nacionales o locales',
				'عدد خدمات شبكة الإحالة المموَّلة من الميزانيات العامة الوطنية أو المحلية',
				'Número de serviços da rede de referenciação financiados por orçamentos públicos nacionais ou locais',
				'Число служб сети перенаправления, финансируемых из государственного или местного бюджета'
			),
			disaggregations: [],
			meansOfVerification: MOV_BUDGETS
		},
		'count'
	),
	// Services delivered --------------------------------------------------------------------------
	manual(
		{
			id: 'people-assisted',
			code: 'OUT-1',
			level: 'output',
			icat: ['victim_protection'],
			criterion: 'effectiveness',
			unit: 'people',
			direction: 'increase',
			statement: text6(
				'Number of identified or presumed victims of trafficking assisted by the programme',
				'Nombre de victimes de la traite identifiées ou présumées assistées par le programme',
				'Número de víctimas de trata identificadas o presuntas atendidas por el programa',
				'عدد ضحايا الاتجار بالبشر المحدَّدين أو المفترَضين الذين قدّم لهم البرنامج المساعدة',
				'Número de vítimas de tráfico de seres humanos identificadas ou presumíveis apoiadas pelo programa',
				'Число выявленных или предполагаемых жертв торговли людьми, получивших помощь в рамках программы'
			),
			disaggregations: PERSON,
			meansOfVerification: MOV_CASE_RECORDS
		},
		'count'
	),
	survey(
		{
			id: 'received-legal-help',
			code: 'LEG-1',
			level: 'output',
			icat: ['criminal_justice', 'victim_protection'],
			criterion: 'effectiveness',
			unit: '%',
			direction: 'increase',
			statement: text6(
				'% of assisted survivors who received legal help',
				'Pourcentage de personnes survivantes accompagnées ayant reçu une aide juridique',
				'Porcentaje de personas sobrevivientes atendidas que recibieron asistencia legal',
				'نسبة الناجين والناجيات الذين تلقّوا المساعدة ممن حصلوا على مساعدة قانونية',
				'Percentagem de pessoas sobreviventes apoiadas que receberam apoio jurídico',
				'Доля пострадавших, получивших помощь, которым была оказана юридическая помощь'
			),
			disaggregations: PERSON,
			meansOfVerification: MOV_FEEDBACK
		},
		Q_SUPPORT_RECEIVED,
		{ kind: 'percentSelecting', question: 'support_received', choice: 'legal_help' }
	),
	survey(
		{
			id: 'received-counselling',
			code: 'PSY-1',
			level: 'output',
			icat: ['victim_protection'],
			criterion: 'effectiveness',
			unit: '%',
			direction: 'increase',
			statement: text6(
				'% of assisted survivors who received counselling or emotional support',
				'Pourcentage de personnes survivantes accompagnées ayant reçu un soutien psychologique',
				'Porcentaje de personas sobrevivientes atendidas que recibieron apoyo psicológico',
				'نسبة الناجين والناجيات الذين تلقّوا المساعدة ممن حصلوا على إرشاد أو دعم نفسي',
				'Percentagem de pessoas sobreviventes apoiadas que receberam aconselhamento ou apoio psicológico',
				'Доля пострадавших, получивших помощь, которым была оказана психологическая поддержка'
			),
			disaggregations: PERSON,
			meansOfVerification: MOV_FEEDBACK
		},
		Q_SUPPORT_RECEIVED,
		{ kind: 'percentSelecting', question: 'support_received', choice: 'counselling' }
	),
	survey(
		{
			id: 'received-skills-or-job-help',
			code: 'LIV-2',
			level: 'output',
			icat: ['livelihoods'],
			criterion: 'effectiveness',
			unit: '%',
			direction: 'increase',
			statement: text6(
				'% of assisted survivors who received training or help finding work',
				'Pourcentage de personnes survivantes accompagnées ayant reçu une formation ou une aide pour trouver un emploi',
				'Porcentaje de personas sobrevivientes atendidas que recibieron formación o ayuda para encontrar trabajo',
				'نسبة الناجين والناجيات الذين تلقّوا المساعدة ممن حصلوا على تدريب أو مساعدة في إيجاد عمل',
				'Percentagem de pessoas sobreviventes apoiadas que receberam formação ou ajuda para encontrar trabalho',
				'Доля пострадавших, получивших помощь, которые прошли обучение или получили помощь в поиске работы'
			),
			disaggregations: PERSON,
			meansOfVerification: MOV_FEEDBACK
		},
		Q_SUPPORT_RECEIVED,
		{ kind: 'percentSelecting', question: 'support_received', choice: 'skills_or_job' }
	),
	survey(
		{
			id: 'helped-returning-home',
			code: 'REI-2',
			level: 'output',
			icat: ['reintegration', 'safe_migration'],
			criterion: 'effectiveness',
			unit: 'people',
			direction: 'increase',
			statement: text6(
				'Number of survey respondents who received help returning home',
				'Nombre de personnes interrogées ayant reçu une aide pour rentrer chez elles',
				'Número de personas encuestadas que recibieron ayuda para regresar a casa',
				'عدد المشاركين والمشاركات في الاستبيان ممن حصلوا على مساعدة للعودة إلى ديارهم',
				'Número de pessoas inquiridas que receberam ajuda para regressar a casa',
				'Число участников опроса, получивших помощь в возвращении домой'
			),
			disaggregations: PERSON,
			meansOfVerification: MOV_FEEDBACK_COUNT
		},
		Q_SUPPORT_RECEIVED,
		{ kind: 'count', where: { question: 'support_received', choices: ['help_returning_home'] } }
	),
	// Criminal justice and the legal framework ----------------------------------------------------
	manual(
		{
			id: 'frontline-staff-pass-post-test',
			code: 'CAP-1',
			level: 'output',
			icat: ['criminal_justice', 'victim_protection'],
			criterion: 'effectiveness',
			unit: 'people',
			direction: 'increase',
			statement: text6(
				'Number of frontline staff trained who pass the post-training test',
				'Nombre d’agents de première ligne formés qui réussissent le test de fin de formation',
				'Número de profesionales de primera línea capacitados que aprueban la prueba posterior a la formación',
				'عدد العاملين في الخطوط الأمامية الذين تلقّوا التدريب ونجحوا في اختبار ما بعد التدريب',
				'Número de profissionais da linha da frente formados que são aprovados no teste pós-formação',
				'Число обученных специалистов первичного звена, успешно прошедших итоговое тестирование'
			),
			disaggregations: ['gender'],
			meansOfVerification: MOV_TRAINING
		},
		'count'
	),
	survey(
		{
			id: 'victim-centred-approach',
			code: 'CJ-1',
			level: 'outcome',
			icat: ['criminal_justice'],
			criterion: 'effectiveness',
			unit: '%',
			direction: 'increase',
			statement: text6(
				'% of trained criminal-justice actors who apply a victim-centred approach in their cases',
				'Pourcentage d’acteurs de la chaîne pénale formés qui appliquent une approche centrée sur la victime dans leurs dossiers',
				'Porcentaje de operadores de justicia penal capacitados que aplican un enfoque centrado en la víctima en sus casos',
				'نسبة الجهات الفاعلة في مجال العدالة الجنائية ممن تلقّوا التدريب ويطبّقون نهجًا متمحورًا حول الضحية في قضاياهم',
				'Percentagem de atores da justiça penal formados que aplicam uma abordagem centrada na vítima nos seus casos',
				'Доля прошедших обучение сотрудников системы уголовного правосудия, которые применяют в своей работе подход, ориентированный на интересы пострадавших'
			),
			disaggregations: ['gender'],
			meansOfVerification: MOV_CJ_SURVEY
		},
		Q_VICTIM_CENTRED_PRACTICE,
		{ kind: 'percentInSet', question: 'victim_centred_practice', choices: ['always', 'mostly'] }
	),
	manual(
		{
			id: 'cases-prosecuted',
			code: 'CJ-2',
			level: 'outcome',
			icat: ['criminal_justice', 'legal_framework'],
			criterion: 'impact',
			unit: 'cases',
			direction: 'increase',
			statement: text6(
				'Number of trafficking cases prosecuted in the programme area',
				'Nombre d’affaires de traite des êtres humains ayant fait l’objet de poursuites dans la zone du programme',
				'Número de casos de trata de personas judicializados en la zona del programa',
				'عدد قضايا الاتجار بالبشر التي جرت فيها ملاحقة قضائية في منطقة البرنامج',
				'Número de casos de tráfico de seres humanos levados a tribunal na área do programa',
				'Число уголовных дел о торговле людьми, переданных в суд, в районе реализации программы'
			),
			disaggregations: ['exploitation_form'],
			meansOfVerification: MOV_PROSECUTION
		},
		'count'
	),
	manual(
		{
			id: 'laws-aligned-with-standards',
			code: 'LAW-1',
			level: 'outcome',
			icat: ['legal_framework'],
			criterion: 'coherence',
			unit: 'laws and policies',
			direction: 'increase',
			statement: text6(
				'Number of laws, regulations or policies adopted or amended in line with international anti-trafficking standards with programme support',
				'Nombre de lois, règlements ou politiques adoptés ou modifiés conformément aux normes internationales de lutte contre la traite avec l’appui du programme',
				'Número de leyes, reglamentos o políticas adoptados o modificados conforme a las normas internacionales contra la trata con el apoyo del programa',
				'عدد القوانين أو اللوائح أو السياسات التي اعتُمدت أو عُدّلت بما يتوافق مع المعايير الدولية لمكافحة الاتجار بالبشر بدعم من البرنامج',
				'Número de leis, regulamentos ou políticas adotados ou alterados em conformidade com as normas internacionais contra o tráfico de seres humanos com o apoio do programa',
				'Число законов, нормативных актов или стратегий, принятых или изменённых в соответствии с международными стандартами противодействия торговле людьми при поддержке программы'
			),
			disaggregations: [],
			meansOfVerification: MOV_LEGAL
		},
		'count'
	),
	// Prevention: awareness and safe migration ----------------------------------------------------
	survey(
		{
			id: 'community-names-two-signs',
			code: 'AWR-1',
			level: 'outcome',
			icat: ['awareness_raising'],
			criterion: 'effectiveness',
			unit: '%',
			direction: 'increase',
			statement: text6(
				'% of community members able to name at least two signs of trafficking',
				'Pourcentage de membres de la communauté capables de citer au moins deux signes de traite',
				'Porcentaje de miembros de la comunidad capaces de mencionar al menos dos señales de trata',
				'نسبة أفراد المجتمع المحلي القادرين على ذكر علامتين على الأقل من علامات الاتجار بالبشر',
				'Percentagem de membros da comunidade capazes de indicar pelo menos dois sinais de tráfico',
				'Доля членов сообщества, способных назвать не менее двух признаков торговли людьми'
			),
			disaggregations: PUBLIC,
			meansOfVerification: MOV_COMMUNITY
		},
		Q_SIGNS_NAMED,
		{ kind: 'percentInSet', question: 'signs_named', choices: ['two_or_more'] }
	),
	manual(
		{
			id: 'people-reached-awareness',
			code: 'AWR-2',
			level: 'output',
			icat: ['awareness_raising'],
			criterion: 'efficiency',
			unit: 'people',
			direction: 'increase',
			statement: text6(
				'Number of people reached by awareness-raising sessions',
				'Nombre de personnes touchées par les séances de sensibilisation',
				'Número de personas alcanzadas por las sesiones de sensibilización',
				'عدد الأشخاص الذين شملتهم جلسات التوعية',
				'Número de pessoas alcançadas pelas sessões de sensibilização',
				'Число людей, охваченных информационно-просветительскими занятиями'
			),
			disaggregations: PUBLIC,
			meansOfVerification: MOV_ACTIVITY
		},
		'count'
	),
	survey(
		{
			id: 'know-safe-migration-steps',
			code: 'MIG-1',
			level: 'outcome',
			icat: ['safe_migration', 'awareness_raising'],
			criterion: 'effectiveness',
			unit: '%',
			direction: 'increase',
			statement: text6(
				'% of prospective migrants who know the steps to migrate safely',
				'Pourcentage de candidats et candidates à la migration qui connaissent les démarches pour migrer en sécurité',
				'Porcentaje de personas que planean migrar que conocen los pasos para hacerlo de forma segura',
				'نسبة الراغبين والراغبات في الهجرة ممن يعرفون خطوات الهجرة الآمنة',
				'Percentagem de potenciais migrantes que conhecem os passos para migrar em segurança',
				'Доля потенциальных мигрантов, которые знают, как мигрировать безопасно'
			),
			disaggregations: PUBLIC,
			meansOfVerification: MOV_MIGRANTS
		},
		Q_KNOW_SAFE_MIGRATION,
		{ kind: 'percentInSet', question: 'know_safe_migration', choices: AGREEING }
	),
	survey(
		{
			id: 'plan-to-check-recruiter',
			code: 'MIG-2',
			level: 'outcome',
			icat: ['safe_migration'],
			criterion: 'relevance',
			unit: '%',
			direction: 'increase',
			statement: text6(
				'% of prospective migrants who plan to check that a recruiter is licensed before leaving',
				'Pourcentage de candidats et candidates à la migration qui comptent vérifier qu’un recruteur est agréé avant de partir',
				'Porcentaje de personas que planean migrar que piensan comprobar que el reclutador tiene licencia antes de partir',
				'نسبة الراغبين والراغبات في الهجرة ممن ينوون التأكد من أن جهة التوظيف مرخَّصة قبل السفر',
				'Percentagem de potenciais migrantes que tencionam verificar se o recrutador está licenciado antes de partir',
				'Доля потенциальных мигрантов, которые намерены до отъезда проверить наличие лицензии у вербовщика'
			),
			disaggregations: PUBLIC,
			meansOfVerification: MOV_MIGRANTS
		},
		Q_MIGRATION_PLANS,
		{ kind: 'percentSelecting', question: 'migration_plans', choice: 'check_recruiter' }
	),
	// Evidence and learning -----------------------------------------------------------------------
	manual(
		{
			id: 'findings-used-to-change-programme',
			code: 'RES-1',
			level: 'output',
			icat: ['research'],
			criterion: 'relevance',
			unit: 'studies',
			direction: 'increase',
			statement: text6(
				'Number of studies, evaluations or survivor-feedback reviews whose findings were used to change the programme',
				'Nombre d’études, d’évaluations ou d’analyses des retours des personnes survivantes dont les conclusions ont servi à modifier le programme',
				'Número de estudios, evaluaciones o análisis de la opinión de sobrevivientes cuyas conclusiones se usaron para modificar el programa',
				'عدد الدراسات أو التقييمات أو مراجعات آراء الناجين والناجيات التي استُخدمت نتائجها لتعديل البرنامج',
				'Número de estudos, avaliações ou análises da opinião de pessoas sobreviventes cujas conclusões foram usadas para alterar o programa',
				'Число исследований, оценок или обзоров отзывов пострадавших, выводы которых были использованы для изменения программы'
			),
			disaggregations: [],
			meansOfVerification: MOV_LEARNING
		},
		'count'
	)
];

/** Freezes the library so no caller can edit the shared entries through a reference. */
function deepFreeze<T>(value: T): T {
	if (value && typeof value === 'object' && !Object.isFrozen(value)) {
		Object.freeze(value);
		for (const child of Object.values(value)) deepFreeze(child);
	}
	return value;
}

export const INDICATOR_LIBRARY: readonly LibraryIndicator[] = deepFreeze(ENTRIES);

const BY_ID = new Map(INDICATOR_LIBRARY.map((entry) => [entry.id, entry]));

/** The library entry with this id, if there is one. */
export function findLibraryIndicator(id: string): LibraryIndicator | undefined {
	return BY_ID.get(id);
}

// ---------------------------------------------------------------------------------------------
// Adding an entry's question to an instrument

export interface AddedLibraryQuestion {
	/** A new instrument; the one passed in is left as it was. */
	instrument: Instrument;
	/** The name the rule reads (a scale's first item). */
	questionName: string;
	/** Every question the rule reads, in the entry's order. */
	questionNames: string[];
	/** False when every question was already there and nothing changed. */
	added: boolean;
	/** The entry's rule, reading the names actually used. */
	rule: IndicatorRule;
}

/** Respondents see the label of a page we add, so it names no indicator. */
const ADDED_PAGE_LABEL = text6(
	'A few more questions',
	'Quelques questions de plus',
	'Algunas preguntas más',
	'بعض الأسئلة الإضافية',
	'Mais algumas perguntas',
	'Ещё несколько вопросов'
);
const ADDED_PAGE_NAME = 'indicators';

/** `name`, `name_2`, `name_3`, … */
function* candidates(name: string): Generator<string> {
	yield name;
	for (let n = 2; ; n++) yield `${name}_${n}`;
}

function firstFree(name: string, taken: ReadonlySet<string>): string {
	for (const candidate of candidates(name)) if (!taken.has(candidate)) return candidate;
	throw new Error('unreachable: candidates never end');
}

function sameChoices(a: ChoiceList, b: ChoiceList): boolean {
	const names = (l: ChoiceList) =>
		l.choices
			.map((c) => c.name)
			.sort()
			.join('\n');
	return names(a) === names(b);
}

/**
 * Whether an existing question asks what the suggestion asks, as far as the rule can tell: the
 * same type, for a select question a list with the same choices (the rule names them), for a
 * range the same ends (a scale score rescales from them).
 */
function answersAlike(
	existing: Question,
	item: LibraryQuestion,
	lists: ReadonlyMap<string, ChoiceList>
): boolean {
	const suggested = item.question;
	if (existing.type !== suggested.type) return false;
	if (item.list) {
		const list = existing.listName ? lists.get(existing.listName) : undefined;
		if (!list || !sameChoices(list, item.list)) return false;
	}
	if (suggested.range)
		return (
			existing.range?.start === suggested.range.start && existing.range.end === suggested.range.end
		);
	return true;
}

/**
 * The text in the instrument's languages only: a language the suggestion lacks gets the English
 * text (a regional code such as `fr-CA` takes the suggestion's `fr` first).
 */
function localise(text: Text, languages: readonly string[]): Text {
	const out: Text = {};
	for (const code of languages) {
		const base = code.split('-')[0]!.toLowerCase();
		const value = text[code] || text[base] || text.en || Object.values(text).find(Boolean) || '';
		out[code] = value;
	}
	return out;
}

function localiseQuestion(
	suggested: Omit<Question, 'id'>,
	languages: readonly string[]
): Omit<Question, 'id'> {
	const q = structuredClone(suggested);
	const texts = ['label', 'hint', 'requiredMessage', 'constraintMessage'] as const;
	for (const key of texts) {
		const value = q[key];
		if (value) q[key] = localise(value, languages);
	}
	if (q.range?.startLabel) q.range.startLabel = localise(q.range.startLabel, languages);
	if (q.range?.endLabel) q.range.endLabel = localise(q.range.endLabel, languages);
	return q;
}

function renameRule(rule: IndicatorRule, rename: (name: string) => string): IndicatorRule {
	switch (rule.kind) {
		case 'percentInSet':
			return { ...rule, question: rename(rule.question), choices: [...rule.choices] };
		case 'percentSelecting':
		case 'mean':
		case 'median':
			return { ...rule, question: rename(rule.question) };
		case 'count':
			return rule.where
				? {
						...rule,
						where: { question: rename(rule.where.question), choices: [...rule.where.choices] }
					}
				: { ...rule };
		case 'scaleScore':
			return {
				...rule,
				items: rule.items.map(rename),
				...(rule.rescaleFrom && { rescaleFrom: { ...rule.rescaleFrom } })
			};
		default:
			return rule satisfies never;
	}
}

/** The page a question is appended to: the last one always shown that is not safety or consent. */
function targetPageIndex(pages: readonly Page[]): number {
	for (let i = pages.length - 1; i >= 0; i--) {
		const page = pages[i]!;
		if (page.relevant?.trim()) continue;
		if (page.questions.some((q) => q.type === 'safety_check' || q.type === 'consent')) continue;
		return i;
	}
	return -1;
}

/**
 * Adds a survey entry's suggested question (a scale's items, all of them) to a copy of the
 * instrument, with its choice list when missing; a question already there that answers alike is
 * used as it is. A name taken by something else gets a suffix (`name_2` …), as does a list name
 * taken by a list with other choices, and the returned rule reads the names used. Pure.
 * Throws for a manual entry, which has no question (a caller's bug).
 */
export function addLibraryQuestion(
	instrument: Instrument,
	entry: LibraryIndicator,
	newId: () => string
): AddedLibraryQuestion {
	if (entry.source !== 'survey')
		throw new TypeError(`library indicator ${entry.id} is manual: it has no question to add`);

	const languages = instrument.languages.map((l) => l.code);
	const questions = new Map(allQuestions(instrument).map((q) => [q.name, q]));
	// Pages and questions share one namespace (the validator's duplicateName).
	const taken = new Set([...instrument.pages.map((p) => p.name), ...questions.keys()]);
	const lists = new Map(instrument.choiceLists.map((l) => [l.name, l]));
	const newLists: ChoiceList[] = [];
	const newQuestions: Question[] = [];
	const names = new Map<string, string>();

	const listFor = (suggested: ChoiceList): string => {
		for (const name of candidates(suggested.name)) {
			const existing = lists.get(name);
			if (existing && sameChoices(existing, suggested)) return name;
			if (existing) continue;
			const added: ChoiceList = {
				name,
				choices: suggested.choices.map((c) => ({
					...structuredClone(c),
					label: localise(c.label, languages)
				}))
			};
			lists.set(name, added);
			newLists.push(added);
			return name;
		}
		throw new Error('unreachable');
	};

	for (const item of [entry.question, ...(entry.moreQuestions ?? [])]) {
		for (const name of candidates(item.question.name)) {
			const existing = questions.get(name);
			if (existing && answersAlike(existing, item, lists)) {
				names.set(item.question.name, name);
				break;
			}
			if (taken.has(name)) continue;
			const question: Question = {
				...localiseQuestion(item.question, languages),
				id: newId(),
				name,
				...(item.list && { listName: listFor(item.list) })
			};
			questions.set(name, question);
			taken.add(name);
			newQuestions.push(question);
			names.set(item.question.name, name);
			break;
		}
	}

	let pages = [...instrument.pages];
	if (newQuestions.length > 0) {
		const index = targetPageIndex(pages);
		if (index >= 0) {
			const page = pages[index]!;
			pages[index] = { ...page, questions: [...page.questions, ...newQuestions] };
		} else {
			const name = firstFree(ADDED_PAGE_NAME, taken);
			pages = [
				...pages,
				{
					id: newId(),
					name,
					label: localise(ADDED_PAGE_LABEL, languages),
					questions: newQuestions
				}
			];
		}
	}

	const rename = (name: string) => names.get(name) ?? name;
	const questionNames = [entry.question, ...(entry.moreQuestions ?? [])].map((item) =>
		rename(item.question.name)
	);
	return {
		instrument: {
			...instrument,
			pages,
			choiceLists: [...instrument.choiceLists, ...newLists]
		},
		questionName: questionNames[0]!,
		questionNames,
		added: newQuestions.length > 0,
		rule: renameRule(entry.rule, rename)
	};
}
