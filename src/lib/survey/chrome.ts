/**
 * The respondent-facing words around a survey's own texts (buttons, "prefer not to say" …),
 * in the survey's language rather than the staff interface's. The web channel extends this to
 * its full list of languages; unknown languages fall back to English.
 */
export interface Chrome {
	preferNotToSay: string;
	yesContinue: string;
	notNow: string;
	agree: string;
	decline: string;
	next: string;
	back: string;
	finish: string;
	optional: string;
	rankPosition: string;
}

const CHROME: Record<string, Chrome> = {
	en: {
		preferNotToSay: 'Prefer not to say',
		yesContinue: 'Yes, continue',
		notNow: 'Not now',
		agree: 'I agree to answer',
		decline: 'I do not want to answer',
		next: 'Next',
		back: 'Back',
		finish: 'Send my answers',
		optional: 'optional',
		rankPosition: 'Position'
	},
	fr: {
		preferNotToSay: 'Je préfère ne pas répondre',
		yesContinue: 'Oui, continuer',
		notNow: 'Pas maintenant',
		agree: "J'accepte de répondre",
		decline: 'Je ne souhaite pas répondre',
		next: 'Suivant',
		back: 'Retour',
		finish: 'Envoyer mes réponses',
		optional: 'facultatif',
		rankPosition: 'Rang'
	},
	es: {
		preferNotToSay: 'Prefiero no decirlo',
		yesContinue: 'Sí, continuar',
		notNow: 'Ahora no',
		agree: 'Acepto responder',
		decline: 'No quiero responder',
		next: 'Siguiente',
		back: 'Atrás',
		finish: 'Enviar mis respuestas',
		optional: 'opcional',
		rankPosition: 'Posición'
	},
	ar: {
		preferNotToSay: 'أفضّل عدم الإجابة',
		yesContinue: 'نعم، متابعة',
		notNow: 'ليس الآن',
		agree: 'أوافق على الإجابة',
		decline: 'لا أرغب في الإجابة',
		next: 'التالي',
		back: 'رجوع',
		finish: 'إرسال إجاباتي',
		optional: 'اختياري',
		rankPosition: 'الترتيب'
	},
	pt: {
		preferNotToSay: 'Prefiro não dizer',
		yesContinue: 'Sim, continuar',
		notNow: 'Agora não',
		agree: 'Aceito responder',
		decline: 'Não quero responder',
		next: 'Seguinte',
		back: 'Voltar',
		finish: 'Enviar as minhas respostas',
		optional: 'opcional',
		rankPosition: 'Posição'
	},
	ru: {
		preferNotToSay: 'Предпочитаю не отвечать',
		yesContinue: 'Да, продолжить',
		notNow: 'Не сейчас',
		agree: 'Я согласен(на) ответить',
		decline: 'Я не хочу отвечать',
		next: 'Далее',
		back: 'Назад',
		finish: 'Отправить ответы',
		optional: 'необязательно',
		rankPosition: 'Место'
	}
};

export function chromeFor(lang: string): Chrome {
	return CHROME[lang] ?? CHROME[lang.split(/[-_]/)[0]!] ?? CHROME.en!;
}

/** The answer value that records "prefer not to say" (never a valid choice name: it has a dot). */
export const PREFER_NOT_TO_SAY = '.pnts';
