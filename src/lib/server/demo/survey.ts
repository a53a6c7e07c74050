import type { Choice, ChoiceList, Instrument, Page, Question, Text } from '../../survey/model';

/**
 * The demo organisation's programme-feedback survey (DOMAIN.md, "A realistic demo survey").
 * Safety check first, consent second, then questions about the support and the person's
 * situation today, and last a page of coarse, optional demographics. Nothing asks about the
 * exploitation itself; the title and wording stay neutral because the screen may be seen by
 * someone else. Every answerable question offers "prefer not to say" and only the safety check
 * and consent are required.
 *
 * Arabic uses Modern Standard Arabic and, where it reads naturally, verbal nouns and
 * first-person choices so the text does not assume the respondent's gender.
 */

/** French punctuation (? ! : ;) takes a no-break space so it never wraps onto a line alone. */
const t = (en: string, fr: string, es: string, ar: string): Text => ({
	en,
	fr: fr.replace(/ ([?!:;])/g, '\u00a0$1'),
	es,
	ar
});

/** An answerable question: "prefer not to say" offered, never required. */
function ask(
	type: Question['type'],
	name: string,
	label: Text,
	more: Partial<Omit<Question, 'id' | 'type' | 'name' | 'label'>> = {}
): Question {
	return {
		id: `q_${name}`,
		type,
		name,
		label,
		required: false,
		preferNotToSay: true,
		...more
	};
}

function page(name: string, label: Text, questions: Question[]): Page {
	return { id: `p_${name}`, name, label, questions };
}

function list(name: string, choices: [string, Text][]): ChoiceList {
	return {
		name,
		choices: choices.map(([choiceName, label]): Choice => ({ name: choiceName, label }))
	};
}

const YES = t('Yes', 'Oui', 'Sí', 'نعم');
const NO = t('No', 'Non', 'No', 'لا');

const CHOOSE_ALL = t(
	'Choose all that apply.',
	'Choisissez toutes les réponses qui conviennent.',
	'Elija todas las opciones que correspondan.',
	'يمكن اختيار أكثر من إجابة.'
);

const HOW_MUCH_AGREE = t(
	'How much do you agree with this sentence?',
	'Dans quelle mesure êtes-vous d’accord avec cette phrase ?',
	'¿En qué medida está de acuerdo con esta frase?',
	'ما مدى موافقتك على هذه العبارة؟'
);

const CHOICE_LISTS: ChoiceList[] = [
	list('satisfaction4', [
		[
			'very_satisfied',
			t('Very satisfied', 'Très satisfait(e)', 'Muy satisfecho/a', 'راضٍ/راضية جدًا')
		],
		[
			'fairly_satisfied',
			t('Fairly satisfied', 'Plutôt satisfait(e)', 'Bastante satisfecho/a', 'راضٍ/راضية إلى حد ما')
		],
		[
			'not_very_satisfied',
			t('Not very satisfied', 'Peu satisfait(e)', 'Poco satisfecho/a', 'غير راضٍ/راضية كثيرًا')
		],
		[
			'not_at_all_satisfied',
			t(
				'Not at all satisfied',
				'Pas du tout satisfait(e)',
				'Nada satisfecho/a',
				'غير راضٍ/راضية على الإطلاق'
			)
		]
	]),
	list('reasons', [
		[
			'waited_too_long',
			t(
				'I waited too long',
				'J’ai attendu trop longtemps',
				'Tuve que esperar demasiado',
				'طال انتظاري كثيرًا'
			)
		],
		[
			'not_what_i_needed',
			t(
				'It was not what I needed',
				'Ce n’était pas ce dont j’avais besoin',
				'No era lo que necesitaba',
				'لم يكن ما أحتاج إليه'
			)
		],
		[
			'not_treated_with_respect',
			t(
				'I was not treated with respect',
				'Je n’ai pas été traité(e) avec respect',
				'No recibí un trato respetuoso',
				'لم أُعامَل باحترام'
			)
		],
		[
			'not_enough_information',
			t(
				'I did not get enough information',
				'Je n’ai pas reçu assez d’informations',
				'No recibí suficiente información',
				'لم أحصل على معلومات كافية'
			)
		],
		[
			'hard_to_reach',
			t(
				'The service was hard to reach',
				'Le service était difficile d’accès',
				'Fue difícil llegar al servicio',
				'كان الوصول إلى الخدمة صعبًا'
			)
		],
		['other', t('Another reason', 'Une autre raison', 'Otro motivo', 'سبب آخر')]
	]),
	list('support', [
		['housing', t('Housing', 'Hébergement', 'Alojamiento', 'السكن')],
		['health', t('Health care', 'Soins de santé', 'Atención de salud', 'الرعاية الصحية')],
		[
			'counselling',
			t(
				'Counselling or emotional support',
				'Soutien psychologique',
				'Apoyo psicológico',
				'الإرشاد أو الدعم النفسي'
			)
		],
		['legal_help', t('Legal help', 'Aide juridique', 'Asistencia legal', 'المساعدة القانونية')],
		[
			'skills_or_job',
			t(
				'Training or help finding work',
				'Formation ou aide pour trouver un emploi',
				'Formación o ayuda para encontrar trabajo',
				'التدريب أو المساعدة في إيجاد عمل'
			)
		],
		[
			'cash',
			t(
				'Cash or financial help',
				'Argent ou aide financière',
				'Dinero o ayuda económica',
				'مساعدة نقدية أو مالية'
			)
		],
		[
			'help_returning_home',
			t(
				'Help returning home',
				'Aide pour rentrer chez soi',
				'Ayuda para regresar a casa',
				'المساعدة على العودة إلى الديار'
			)
		]
	]),
	list('agree5', [
		[
			'strongly_agree',
			t('Strongly agree', 'Tout à fait d’accord', 'Totalmente de acuerdo', 'أوافق بشدة')
		],
		['agree', t('Agree', 'D’accord', 'De acuerdo', 'أوافق')],
		[
			'neither',
			t(
				'Neither agree nor disagree',
				'Ni d’accord ni pas d’accord',
				'Ni de acuerdo ni en desacuerdo',
				'لا أوافق ولا أعارض'
			)
		],
		['disagree', t('Disagree', 'Pas d’accord', 'En desacuerdo', 'لا أوافق')],
		[
			'strongly_disagree',
			t(
				'Strongly disagree',
				'Pas du tout d’accord',
				'Totalmente en desacuerdo',
				'لا أوافق على الإطلاق'
			)
		]
	]),
	list('privacy', [
		['yes', YES],
		['partly', t('Partly', 'En partie', 'En parte', 'جزئيًا')],
		['no', NO],
		['not_sure', t('Not sure', 'Je ne sais pas', 'No lo sé', 'لا أعرف')]
	]),
	list('frequency', [
		['always', t('Always', 'Toujours', 'Siempre', 'دائمًا')],
		['mostly', t('Most of the time', 'La plupart du temps', 'Casi siempre', 'معظم الوقت')],
		['sometimes', t('Sometimes', 'Parfois', 'A veces', 'أحيانًا')],
		['rarely', t('Rarely', 'Rarement', 'Rara vez', 'نادرًا')],
		['never', t('Never', 'Jamais', 'Nunca', 'أبدًا')]
	]),
	list('income', [
		['yes', YES],
		[
			'irregular',
			t(
				'Sometimes, but not regularly',
				'Parfois, mais pas régulièrement',
				'A veces, pero no de forma regular',
				'أحيانًا، ولكن ليس بانتظام'
			)
		],
		['no', NO]
	]),
	list('rely', [
		['none', t('No one', 'Personne', 'Con nadie', 'لا أحد')],
		[
			'one_or_two',
			t('One or two people', 'Une ou deux personnes', 'Con una o dos personas', 'شخص أو شخصان')
		],
		['several', t('Several people', 'Plusieurs personnes', 'Con varias personas', 'عدة أشخاص')]
	]),
	list('yesno', [
		['yes', YES],
		['no', NO]
	]),
	list('helped', [
		['yes_a_lot', t('Yes, a lot', 'Oui, beaucoup', 'Sí, mucho', 'نعم، كثيرًا')],
		['somewhat', t('Somewhat', 'En partie', 'En parte', 'إلى حد ما')],
		['not_at_all', t('Not at all', 'Pas du tout', 'Nada', 'لا، إطلاقًا')]
	]),
	list('recommend', [
		['yes', YES],
		['maybe', t('Maybe', 'Peut-être', 'Tal vez', 'ربما')],
		['no', NO]
	]),
	list('age', [
		['under_18', t('Under 18', 'Moins de 18 ans', 'Menos de 18 años', 'أقل من 18 سنة')],
		['18_24', t('18 to 24', '18 à 24 ans', 'De 18 a 24 años', 'من 18 إلى 24 سنة')],
		['25_34', t('25 to 34', '25 à 34 ans', 'De 25 a 34 años', 'من 25 إلى 34 سنة')],
		['35_49', t('35 to 49', '35 à 49 ans', 'De 35 a 49 años', 'من 35 إلى 49 سنة')],
		['50_plus', t('50 or older', '50 ans ou plus', '50 años o más', '50 سنة أو أكثر')]
	]),
	list('gender', [
		['woman', t('Woman', 'Femme', 'Mujer', 'امرأة')],
		['man', t('Man', 'Homme', 'Hombre', 'رجل')],
		[
			'other_identity',
			t(
				'I describe myself another way',
				'Je me décris autrement',
				'Me describo de otra manera',
				'أصف نفسي بطريقة أخرى'
			)
		]
	]),
	// Forms of exploitation after IOM's HTCDS picklist, worded plainly.
	list('exploitation', [
		[
			'labour',
			t(
				'Forced or exploitative work',
				'Travail forcé ou exploitation au travail',
				'Trabajo forzoso o explotación laboral',
				'العمل القسري أو الاستغلال في العمل'
			)
		],
		[
			'sexual',
			t('Sexual exploitation', 'Exploitation sexuelle', 'Explotación sexual', 'الاستغلال الجنسي')
		],
		[
			'domestic_servitude',
			t('Domestic servitude', 'Servitude domestique', 'Servidumbre doméstica', 'الاستعباد المنزلي')
		],
		[
			'forced_marriage',
			t('Forced marriage', 'Mariage forcé', 'Matrimonio forzado', 'الزواج القسري')
		],
		[
			'forced_criminality',
			t(
				'Being forced to commit crimes',
				'Être forcé(e) à commettre des délits',
				'Ser obligado/a a cometer delitos',
				'الإجبار على ارتكاب جرائم'
			)
		],
		['other_form', t('Another situation', 'Une autre situation', 'Otra situación', 'وضع آخر')]
	])
];

export const DEMO_SURVEY: Instrument = {
	formId: 'programme_feedback',
	languages: [
		{ code: 'en', name: 'English', dir: 'ltr' },
		{ code: 'fr', name: 'Français', dir: 'ltr' },
		{ code: 'es', name: 'Español', dir: 'ltr' },
		{ code: 'ar', name: 'العربية', dir: 'rtl' }
	],
	defaultLanguage: 'en',
	title: t('Short questionnaire', 'Court questionnaire', 'Cuestionario breve', 'استبيان قصير'),
	pages: [
		page('safety', t('Before we start', 'Avant de commencer', 'Antes de empezar', 'قبل أن نبدأ'), [
			{
				id: 'q_safety_check',
				type: 'safety_check',
				name: 'safety_check',
				label: t(
					'Is now a safe and private time to answer a few questions?',
					'Pouvez-vous répondre maintenant à quelques questions, en sécurité et en privé ?',
					'¿Es este un momento seguro y privado para responder unas preguntas?',
					'هل الآن وقت آمن وخاص للإجابة عن بعض الأسئلة؟'
				),
				hint: t(
					'You can leave at any time with the Exit button.',
					'Vous pouvez partir à tout moment avec le bouton de sortie.',
					'Puede salir en cualquier momento con el botón de salida.',
					'يمكنك المغادرة في أي وقت باستخدام زر الخروج.'
				),
				required: true,
				preferNotToSay: false
			}
		]),
		page(
			'intro',
			t(
				'About this questionnaire',
				'À propos de ce questionnaire',
				'Sobre este cuestionario',
				'عن هذا الاستبيان'
			),
			[
				{
					id: 'q_consent',
					type: 'consent',
					name: 'consent',
					label: t(
						'This short questionnaire asks for your views on the support you received, so that the team can improve it. It takes about 5 minutes. Your answers are anonymous: we do not ask for your name, and your phone number is never stored with your answers. The team that supported you sees the answers; funders see only totals for groups of several people, never individual answers. You can skip any question and stop at any time, and this will not affect the support you receive. Do you agree to answer?',
						'Ce court questionnaire recueille votre avis sur le soutien que vous avez reçu, afin que l’équipe puisse l’améliorer. Il prend environ 5 minutes. Vos réponses sont anonymes : nous ne vous demandons pas votre nom, et votre numéro de téléphone n’est jamais enregistré avec vos réponses. L’équipe qui vous a accompagné(e) voit les réponses ; les bailleurs de fonds ne voient que des totaux portant sur des groupes de plusieurs personnes, jamais les réponses individuelles. Vous pouvez passer n’importe quelle question et arrêter à tout moment, sans aucune conséquence sur l’aide que vous recevez. Acceptez-vous de répondre ?',
						'Este breve cuestionario recoge su opinión sobre el apoyo que recibió, para que el equipo pueda mejorarlo. Dura unos 5 minutos. Sus respuestas son anónimas: no le pedimos su nombre y su número de teléfono nunca se guarda junto con sus respuestas. El equipo que le apoyó ve las respuestas; los financiadores solo ven totales de grupos de varias personas, nunca respuestas individuales. Puede saltarse cualquier pregunta y parar en cualquier momento, sin que esto afecte al apoyo que recibe. ¿Acepta responder?',
						'يهدف هذا الاستبيان القصير إلى معرفة رأيك في الدعم الذي تلقيته، حتى يتمكن الفريق من تحسينه. ويستغرق نحو 5 دقائق. إجاباتك مجهولة الهوية: لا نطلب اسمك، ولا يُحفَظ رقم هاتفك مع إجاباتك أبدًا. يطّلع الفريق الذي قدّم لك الدعم على الإجابات، أما الجهات المانحة فلا ترى إلا مجاميع لمجموعات من عدة أشخاص، ولا ترى الإجابات الفردية أبدًا. يمكنك تخطي أي سؤال والتوقف في أي وقت، ولن يؤثر ذلك في الدعم المقدَّم لك. هل توافق على الإجابة؟'
					),
					hint: t(
						'If you do not agree, nothing is saved and the questionnaire ends.',
						'Si vous n’acceptez pas, rien n’est enregistré et le questionnaire s’arrête.',
						'Si no acepta, no se guarda nada y el cuestionario termina.',
						'في حال عدم الموافقة، لن يُحفَظ أي شيء وسينتهي الاستبيان.'
					),
					required: true,
					preferNotToSay: false
				}
			]
		),
		page('experience', t('Your experience', 'Votre expérience', 'Su experiencia', 'تجربتك'), [
			ask(
				'select_one',
				'satisfaction',
				t(
					'Overall, how satisfied are you with the support you received?',
					'Dans l’ensemble, dans quelle mesure êtes-vous satisfait(e) du soutien que vous avez reçu ?',
					'En general, ¿qué tan satisfecho/a está con el apoyo que recibió?',
					'بشكل عام، ما مدى رضاك عن الدعم الذي تلقيته؟'
				),
				{ listName: 'satisfaction4' }
			),
			ask(
				'select_multiple',
				'dissatisfaction_reasons',
				t(
					'What were the main reasons?',
					'Quelles en étaient les principales raisons ?',
					'¿Cuáles fueron los principales motivos?',
					'ما الأسباب الرئيسية لذلك؟'
				),
				{
					hint: CHOOSE_ALL,
					listName: 'reasons',
					relevant:
						"selected(${satisfaction}, 'not_very_satisfied') or selected(${satisfaction}, 'not_at_all_satisfied')"
				}
			),
			ask(
				'select_multiple',
				'support_received',
				t(
					'What kinds of support did you receive?',
					'Quels types de soutien avez-vous reçus ?',
					'¿Qué tipos de apoyo recibió?',
					'ما أنواع الدعم التي حصلت عليها؟'
				),
				{ hint: CHOOSE_ALL, listName: 'support' }
			)
		]),
		page(
			'treatment',
			t(
				'How you were treated',
				'L’accueil que vous avez reçu',
				'El trato que recibió',
				'المعاملة التي تلقيتها'
			),
			[
				ask(
					'select_one',
					'respect',
					t(
						'Staff treated me with respect.',
						'Le personnel m’a traité(e) avec respect.',
						'El personal me trató con respeto.',
						'عاملني الموظفون باحترام.'
					),
					{ hint: HOW_MUCH_AGREE, listName: 'agree5' }
				),
				ask(
					'select_one',
					'clear_information',
					t(
						'I got clear information about my options and rights.',
						'J’ai reçu des informations claires sur mes choix et mes droits.',
						'Recibí información clara sobre mis opciones y mis derechos.',
						'حصلتُ على معلومات واضحة عن خياراتي وحقوقي.'
					),
					{ hint: HOW_MUCH_AGREE, listName: 'agree5' }
				),
				ask(
					'select_one',
					'say_in_decisions',
					t(
						'I had a say in decisions that affected me.',
						'J’ai pu donner mon avis sur les décisions qui me concernaient.',
						'Pude opinar en las decisiones que me afectaban.',
						'كان لي رأي في القرارات التي تخصّني.'
					),
					{ hint: HOW_MUCH_AGREE, listName: 'agree5' }
				),
				ask(
					'select_one',
					'privacy_kept',
					t(
						'Was what you shared kept private?',
						'Ce que vous avez confié est-il resté confidentiel ?',
						'¿Se mantuvo en privado lo que usted contó?',
						'هل بقيت المعلومات التي شاركتها سرّية؟'
					),
					{ listName: 'privacy' }
				),
				ask(
					'select_one',
					'felt_safe_during',
					t(
						'Did you feel safe while you were receiving support?',
						'Vous êtes-vous senti(e) en sécurité pendant que vous receviez du soutien ?',
						'¿Se sintió seguro/a mientras recibía apoyo?',
						'هل شعرت بالأمان أثناء تلقّي الدعم؟'
					),
					{ listName: 'frequency' }
				)
			]
		),
		page(
			'today',
			t('Your situation today', 'Votre situation aujourd’hui', 'Su situación hoy', 'وضعك اليوم'),
			[
				ask(
					'range',
					'safety_today',
					t(
						'How safe do you feel today?',
						'À quel point vous sentez-vous en sécurité aujourd’hui ?',
						'¿Qué tan seguro/a se siente hoy?',
						'ما مدى شعورك بالأمان اليوم؟'
					),
					{
						hint: t(
							'0 means not at all safe, 10 means completely safe.',
							'0 signifie pas du tout en sécurité, 10 signifie tout à fait en sécurité.',
							'0 significa nada seguro/a y 10 completamente seguro/a.',
							'0 تعني عدم الشعور بالأمان إطلاقًا، و10 تعني الشعور بالأمان التام.'
						),
						range: {
							start: 0,
							end: 10,
							step: 1,
							startLabel: t(
								'Not at all safe',
								'Pas du tout en sécurité',
								'Nada seguro/a',
								'لا أشعر بالأمان إطلاقًا'
							),
							endLabel: t(
								'Completely safe',
								'Tout à fait en sécurité',
								'Completamente seguro/a',
								'أشعر بالأمان التام'
							)
						}
					}
				),
				ask(
					'select_one',
					'know_where_help',
					t(
						'I know where to get help if I feel at risk again.',
						'Je sais où trouver de l’aide si je me sens de nouveau en danger.',
						'Sé dónde pedir ayuda si vuelvo a sentirme en peligro.',
						'أعرف إلى أين أتوجّه لطلب المساعدة إذا شعرت بالخطر مرة أخرى.'
					),
					{ hint: HOW_MUCH_AGREE, listName: 'agree5' }
				),
				ask(
					'select_one',
					'regular_income',
					t(
						'Do you have a regular income now?',
						'Avez-vous actuellement un revenu régulier ?',
						'¿Tiene actualmente ingresos regulares?',
						'هل لديك حاليًا دخل منتظم؟'
					),
					{ listName: 'income' }
				),
				ask(
					'select_one',
					'people_to_rely_on',
					t(
						'How many people can you rely on if you need help?',
						'Sur combien de personnes pouvez-vous compter si vous avez besoin d’aide ?',
						'¿Con cuántas personas puede contar si necesita ayuda?',
						'كم شخصًا يمكنك الاعتماد عليه عند الحاجة إلى المساعدة؟'
					),
					{ listName: 'rely' }
				),
				ask(
					'select_one',
					'waited_too_long',
					t(
						'Did you have to wait too long to get support?',
						'Avez-vous dû attendre trop longtemps avant de recevoir du soutien ?',
						'¿Tuvo que esperar demasiado para recibir apoyo?',
						'هل انتظرت أكثر من اللازم للحصول على الدعم؟'
					),
					{ listName: 'yesno' }
				)
			]
		),
		page(
			'referral',
			t(
				'Other services and your overall view',
				'Autres services et avis général',
				'Otros servicios y opinión general',
				'الخدمات الأخرى ورأيك العام'
			),
			[
				ask(
					'select_one',
					'was_referred',
					t(
						'Did the team refer you to another service or organisation?',
						'L’équipe vous a-t-elle orienté(e) vers un autre service ou une autre organisation ?',
						'¿El equipo le derivó a otro servicio u organización?',
						'هل أحالك الفريق إلى خدمة أو جهة أخرى؟'
					),
					{ listName: 'yesno' }
				),
				ask(
					'select_one',
					'referral_helped',
					t(
						'Did that referral help you?',
						'Cette orientation vous a-t-elle aidé(e) ?',
						'¿Le ayudó esa derivación?',
						'هل ساعدتك تلك الإحالة؟'
					),
					{ listName: 'helped', relevant: "${was_referred} = 'yes'" }
				),
				ask(
					'text',
					'problems_caused',
					t(
						'Did the support cause any problems for you or your family? If so, please tell us.',
						'Le soutien reçu a-t-il causé des problèmes pour vous ou votre famille ? Si oui, dites-le-nous.',
						'¿El apoyo le causó algún problema a usted o a su familia? Si es así, cuéntenos.',
						'هل سبّب الدعم أي مشكلات لك أو لعائلتك؟ إن كان الأمر كذلك، يُرجى إخبارنا.'
					),
					{
						hint: t(
							'Optional. Please do not write any names.',
							'Facultatif. Merci de n’écrire aucun nom.',
							'Opcional. Por favor, no escriba ningún nombre.',
							'اختياري. يُرجى عدم كتابة أي أسماء.'
						),
						appearance: 'multiline'
					}
				),
				ask(
					'select_one',
					'recommend',
					t(
						'Would you recommend this service to someone in a similar situation?',
						'Recommanderiez-vous ce service à une personne dans une situation semblable ?',
						'¿Recomendaría este servicio a alguien en una situación parecida?',
						'هل تنصح بهذه الخدمة شخصًا يمرّ بظروف مشابهة؟'
					),
					{ listName: 'recommend' }
				)
			]
		),
		page(
			'about_you',
			t(
				'About you (optional)',
				'À propos de vous (facultatif)',
				'Sobre usted (opcional)',
				'معلومات عنك (اختيارية)'
			),
			[
				{
					id: 'q_about_you_note',
					type: 'note',
					name: 'about_you_note',
					label: t(
						'These last questions help us see whether the support works equally well for everyone. You can skip any of them.',
						'Ces dernières questions nous aident à vérifier si le soutien fonctionne aussi bien pour tout le monde. Vous pouvez passer chacune d’entre elles.',
						'Estas últimas preguntas nos ayudan a comprobar si el apoyo funciona igual de bien para todas las personas. Puede saltarse cualquiera de ellas.',
						'تساعدنا هذه الأسئلة الأخيرة على معرفة ما إذا كان الدعم يفيد الجميع بالقدر نفسه. يمكنك تخطي أي سؤال منها.'
					),
					preferNotToSay: false
				},
				ask(
					'select_one',
					'age_band',
					t('How old are you?', 'Quel âge avez-vous ?', '¿Qué edad tiene?', 'كم عمرك؟'),
					{ listName: 'age' }
				),
				ask(
					'select_one',
					'gender',
					t('What is your gender?', 'Quel est votre genre ?', '¿Cuál es su género?', 'ما جنسك؟'),
					{ listName: 'gender' }
				),
				ask(
					'select_one',
					'exploitation_form',
					t(
						'What kind of situation did you receive support for?',
						'Pour quel type de situation avez-vous reçu du soutien ?',
						'¿Por qué tipo de situación recibió apoyo?',
						'ما نوع الوضع الذي تلقيت الدعم بسببه؟'
					),
					{
						hint: t(
							'Answering is entirely up to you; you can skip this question.',
							'Vous êtes entièrement libre d’y répondre ou de passer cette question.',
							'Responder es totalmente voluntario; puede saltarse esta pregunta.',
							'الإجابة اختيارية تمامًا، ويمكنك تخطي هذا السؤال.'
						),
						listName: 'exploitation'
					}
				),
				ask(
					'integer',
					'months_since_support',
					t(
						'How many months ago did your support end?',
						'Il y a combien de mois votre accompagnement a-t-il pris fin ?',
						'¿Hace cuántos meses terminó el apoyo que recibía?',
						'منذ كم شهرًا انتهى الدعم المقدَّم لك؟'
					),
					{
						hint: t(
							'If you are still receiving support, enter 0.',
							'Si vous recevez encore du soutien, indiquez 0.',
							'Si todavía recibe apoyo, escriba 0.',
							'إذا كان الدعم لا يزال مستمرًا، فالإجابة 0.'
						),
						constraint: '. >= 0 and . <= 120',
						constraintMessage: t(
							'Enter a number of months from 0 to 120',
							'Indiquez un nombre de mois entre 0 et 120',
							'Escriba un número de meses entre 0 y 120',
							'يجب أن يكون عدد الأشهر بين 0 و120'
						)
					}
				)
			]
		)
	],
	choiceLists: CHOICE_LISTS
};
