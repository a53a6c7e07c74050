import { chromeFor, formatChrome, type Chrome } from '../survey/chrome';

/**
 * The SMS conversation's own words around a survey's texts: how to reply, the hints when a
 * reply cannot be used, and the keyword answers (help, opt-out, opt-in). The words it shares
 * with the web pages (thank-you, "nothing has been saved", "prefer not to say", the safety
 * and consent buttons) come from the respondent chrome, so both channels say the same.
 *
 * Same rules as the chrome (DOMAIN.md "SMS" and "Ethics of asking survivors"): neutral, never
 * naming the topic, an organisation or the person; polite register; short, because every SMS
 * segment costs (a straight apostrophe keeps Latin text in GSM-7, a curly one does not).
 * Keywords (STOP, START) stay in Latin capitals in every language: carriers only know those.
 */
export interface SmsWords {
	/** Under the numbered choices of a single-choice question (and the safety check, consent). */
	chooseOne: string;
	/** Under the numbered choices of a multiple-choice question. */
	chooseMany: string;
	/** `{start}`, `{end}`. */
	range: string;
	/** `{start}`, `{end}`, `{step}`: a scale that does not go one by one. */
	rangeStep: string;
	wholeNumber: string;
	number: string;
	/** `{example}`: a date written as the engine reads it (DD/MM/YYYY). */
	date: string;
	/** `{code}`: the reply that means "prefer not to say" on a question without numbered choices. */
	preferNotToSayLine: string;
	/** Hints before a question asked again. */
	notUnderstood: string;
	outOfRange: string;
	notAccepted: string;
	tooLong: string;
	/** After the last wrong reply to a question that can be skipped. */
	skipped: string;
	/** After the last wrong reply to a required question. */
	ended: string;
	/** A reply after the conversation timed out. */
	expired: string;
	/** `{keyword}`: the channel's start keyword. */
	help: string;
	/** After STOP (and its synonyms). */
	optedOut: string;
	/** `{keyword}`: after START / UNSTOP. */
	optedIn: string;
	/**
	 * `{keyword}`: the first message to a number a caseworker judged safe to invite. It goes to a
	 * phone others may read, so it says even less than the rest: no topic, sender or name.
	 */
	invitation: string;
	/**
	 * A nudge to a conversation left unfinished. Like the invitation it may be read by others on
	 * the phone, so it names no topic, sender or person.
	 */
	reminder: string;
	/**
	 * After the last question, only where the channel offers it: may we send one message later.
	 * Neutral like the invitation (no topic named), with the two numbered replies.
	 */
	followUpAsk: string;
	/** After 1 to the follow-up question: one message later, and STOP withdraws the number. */
	followUpYes: string;
	/** After 2 (or no usable reply) to the follow-up question. */
	followUpNo: string;
}

/** The placeholders each key must carry, in every language. */
export const PLACEHOLDERS: Record<keyof SmsWords, readonly string[]> = {
	chooseOne: [],
	chooseMany: [],
	range: ['start', 'end'],
	rangeStep: ['start', 'end', 'step'],
	wholeNumber: [],
	number: [],
	date: ['example'],
	preferNotToSayLine: ['code'],
	notUnderstood: [],
	outOfRange: [],
	notAccepted: [],
	tooLong: [],
	skipped: [],
	ended: [],
	expired: [],
	help: ['keyword'],
	optedOut: [],
	optedIn: ['keyword'],
	invitation: ['keyword'],
	reminder: [],
	followUpAsk: [],
	followUpYes: [],
	followUpNo: []
};

const WORDS = {
	en: {
		chooseOne: 'Reply with one number.',
		chooseMany: 'Reply with the numbers, separated by spaces.',
		range: 'Reply with a number from {start} to {end}.',
		rangeStep: 'Reply with a number from {start} to {end}, in steps of {step}.',
		wholeNumber: 'Reply with a whole number.',
		number: 'Reply with a number.',
		date: 'Reply with a date, for example {example}.',
		preferNotToSayLine: 'Reply {code} if you prefer not to say.',
		notUnderstood: 'Sorry, that reply could not be read.',
		outOfRange: 'Sorry, that number is not in the range.',
		notAccepted: 'Sorry, that answer is not accepted.',
		tooLong: 'Sorry, that answer is too long.',
		skipped: 'Moving on to the next question.',
		ended: 'The questions end here. Nothing has been saved.',
		expired: 'This conversation has expired. Nothing has been saved.',
		help: 'Reply with the number of your answer. Send {keyword} to start. Send STOP to stop all messages.',
		optedOut: 'You will get no more messages. Send START to receive them again.',
		optedIn: 'Messages are on again. Send {keyword} to start.',
		invitation:
			'Hello. You are invited to answer a short questionnaire. Reply {keyword} to start, or STOP if you do not want messages.',
		reminder:
			'You have not finished the short questionnaire. Reply to the last question to go on, or STOP if you do not want messages.',
		followUpAsk: 'May we send you one short message later about what changes? Reply 1 yes, 2 no.',
		followUpYes:
			'Thank you. We will send one short message later. Send STOP at any time to cancel.',
		followUpNo: 'Thank you. No further message will be sent.'
	},
	fr: {
		chooseOne: 'Répondez par un seul numéro.',
		chooseMany: 'Répondez par les numéros, séparés par des espaces.',
		range: 'Répondez par un nombre de {start} à {end}.',
		rangeStep: 'Répondez par un nombre de {start} à {end}, par pas de {step}.',
		wholeNumber: 'Répondez par un nombre entier.',
		number: 'Répondez par un nombre.',
		date: 'Répondez par une date, par exemple {example}.',
		preferNotToSayLine: 'Envoyez {code} si vous préférez ne pas répondre.',
		notUnderstood: "Nous n'avons pas compris cette réponse.",
		outOfRange: "Ce nombre est hors de l'intervalle demandé.",
		notAccepted: "Cette réponse n'est pas acceptée.",
		tooLong: 'Cette réponse est trop longue.',
		skipped: 'Passons à la question suivante.',
		ended: "Les questions se terminent ici. Rien n'a été enregistré.",
		expired: "Cette conversation a expiré. Rien n'a été enregistré.",
		help: 'Répondez par le numéro de votre réponse. Envoyez {keyword} pour commencer. Envoyez STOP pour ne plus recevoir de messages.',
		optedOut: 'Vous ne recevrez plus de messages. Envoyez START pour les recevoir à nouveau.',
		optedIn: 'Les messages sont réactivés. Envoyez {keyword} pour commencer.',
		invitation:
			'Bonjour. Nous vous invitons à répondre à un court questionnaire. Répondez {keyword} pour commencer, ou STOP pour ne pas recevoir de messages.',
		reminder:
			"Vous n'avez pas terminé le court questionnaire. Répondez à la dernière question pour continuer, ou STOP pour ne pas recevoir de messages.",
		followUpAsk:
			'Pouvons-nous vous envoyer plus tard un court message sur ce qui change ? 1 oui, 2 non',
		followUpYes:
			'Merci. Nous enverrons un seul court message plus tard. Envoyez STOP pour annuler.',
		followUpNo: 'Merci. Aucun autre message ne sera envoyé.'
	},
	es: {
		chooseOne: 'Responda con un solo número.',
		chooseMany: 'Responda con los números, separados por espacios.',
		range: 'Responda con un número del {start} al {end}.',
		rangeStep: 'Responda con un número del {start} al {end}, de {step} en {step}.',
		wholeNumber: 'Responda con un número entero.',
		number: 'Responda con un número.',
		date: 'Responda con una fecha, por ejemplo {example}.',
		preferNotToSayLine: 'Envíe {code} si prefiere no decirlo.',
		notUnderstood: 'No entendimos esa respuesta.',
		outOfRange: 'Ese número está fuera del rango.',
		notAccepted: 'Esa respuesta no se acepta.',
		tooLong: 'Esa respuesta es demasiado larga.',
		skipped: 'Pasamos a la siguiente pregunta.',
		ended: 'Las preguntas terminan aquí. No se ha guardado nada.',
		expired: 'Esta conversación ha caducado. No se ha guardado nada.',
		help: 'Responda con el número de su respuesta. Envíe {keyword} para empezar. Envíe STOP para no recibir más mensajes.',
		optedOut: 'No recibirá más mensajes. Envíe START para volver a recibirlos.',
		optedIn: 'Los mensajes están activados de nuevo. Envíe {keyword} para empezar.',
		invitation:
			'Hola. Le invitamos a responder un breve cuestionario. Responda {keyword} para empezar, o STOP si no desea recibir mensajes.',
		reminder:
			'No ha terminado el breve cuestionario. Responda a la última pregunta para continuar, o STOP si no desea recibir mensajes.',
		followUpAsk: '¿Le enviamos luego un mensaje corto sobre lo que cambia? 1 sí, 2 no',
		followUpYes: 'Gracias. Le enviaremos un solo mensaje corto. Envíe STOP para anular.',
		followUpNo: 'Gracias. No se le enviará ningún otro mensaje.'
	},
	ar: {
		chooseOne: 'يرجى الرد برقم واحد.',
		chooseMany: 'يرجى الرد بالأرقام مفصولة بمسافات.',
		range: 'يرجى الرد برقم من {start} إلى {end}.',
		rangeStep: 'يرجى الرد برقم من {start} إلى {end}، بفارق {step}.',
		wholeNumber: 'يرجى الرد بعدد صحيح.',
		number: 'يرجى الرد برقم.',
		date: 'يرجى الرد بتاريخ، مثلًا {example}.',
		preferNotToSayLine: 'يرجى إرسال {code} في حال تفضيل عدم الإجابة.',
		notUnderstood: 'عذرًا، تعذّرت قراءة هذا الرد.',
		outOfRange: 'عذرًا، هذا الرقم خارج النطاق.',
		notAccepted: 'عذرًا، هذه الإجابة غير مقبولة.',
		tooLong: 'عذرًا، هذه الإجابة طويلة جدًا.',
		skipped: 'ننتقل إلى السؤال التالي.',
		ended: 'توقفت الأسئلة هنا. لم يُحفظ أي شيء.',
		expired: 'انتهت صلاحية هذه المحادثة. لم يُحفظ أي شيء.',
		help: 'يرجى الرد برقم الإجابة. للبدء أرسلوا {keyword}. لإيقاف جميع الرسائل أرسلوا STOP.',
		optedOut: 'لن تصلكم رسائل أخرى. أرسلوا START لتلقيها من جديد.',
		optedIn: 'تم تفعيل الرسائل من جديد. أرسلوا {keyword} للبدء.',
		invitation:
			'مرحباً. ندعوكم للإجابة عن استبيان قصير. أرسلوا {keyword} للبدء، أو STOP إن لم ترغبوا في تلقي الرسائل.',
		reminder:
			'لم تُكملوا الاستبيان القصير بعد. أجيبوا عن السؤال الأخير للمتابعة، أو أرسلوا STOP إن لم ترغبوا في تلقي الرسائل.',
		followUpAsk: 'هل نرسل لكم لاحقًا رسالة قصيرة واحدة عمّا سيتغير؟ 1 نعم، 2 لا',
		followUpYes: 'شكرًا. سنرسل رسالة قصيرة واحدة. أرسلوا STOP للإلغاء في أي وقت.',
		followUpNo: 'شكرًا. لن تُرسل إليكم رسائل أخرى.'
	},
	pt: {
		chooseOne: 'Responda com um só número.',
		chooseMany: 'Responda com os números, separados por espaços.',
		range: 'Responda com um número de {start} a {end}.',
		rangeStep: 'Responda com um número de {start} a {end}, de {step} em {step}.',
		wholeNumber: 'Responda com um número inteiro.',
		number: 'Responda com um número.',
		date: 'Responda com uma data, por exemplo {example}.',
		preferNotToSayLine: 'Envie {code} se preferir não dizer.',
		notUnderstood: 'Não foi possível ler esta resposta.',
		outOfRange: 'Este número está fora do intervalo.',
		notAccepted: 'Esta resposta não é válida.',
		tooLong: 'Esta resposta é longa demais.',
		skipped: 'Vamos passar à pergunta seguinte.',
		ended: 'As perguntas terminam aqui. Nada foi guardado.',
		expired: 'Esta conversa expirou. Nada foi guardado.',
		help: 'Responda com o número da sua resposta. Envie {keyword} para começar. Envie STOP para não receber mais mensagens.',
		optedOut: 'Não receberá mais mensagens. Envie START para voltar a recebê-las.',
		optedIn: 'As mensagens foram reativadas. Envie {keyword} para começar.',
		invitation:
			'Olá. Este é um convite para responder a um breve questionário. Responda {keyword} para começar ou STOP se não quiser mensagens.',
		reminder:
			'Ainda não terminou o breve questionário. Responda à última pergunta para continuar ou STOP se não quiser mensagens.',
		followUpAsk: 'Podemos enviar depois uma mensagem curta sobre o que muda? 1 sim 2 não',
		followUpYes: 'Obrigado. Enviaremos uma só mensagem curta. Envie STOP para cancelar.',
		followUpNo: 'Obrigado. Não enviaremos mais nenhuma mensagem.'
	},
	ru: {
		chooseOne: 'Ответьте одним номером.',
		chooseMany: 'Ответьте номерами через пробел.',
		range: 'Ответьте числом от {start} до {end}.',
		rangeStep: 'Ответьте числом от {start} до {end} с шагом {step}.',
		wholeNumber: 'Ответьте целым числом.',
		number: 'Ответьте числом.',
		date: 'Ответьте датой, например {example}.',
		preferNotToSayLine: 'Отправьте {code}, если предпочитаете не отвечать.',
		notUnderstood: 'Извините, не удалось понять ответ.',
		outOfRange: 'Извините, это число вне диапазона.',
		notAccepted: 'Извините, этот ответ не принимается.',
		tooLong: 'Извините, ответ слишком длинный.',
		skipped: 'Переходим к следующему вопросу.',
		ended: 'Вопросы прерваны. Ничего не сохранено.',
		expired: 'Время для ответов истекло. Ничего не сохранено.',
		help: 'Ответьте номером выбранного ответа. Отправьте {keyword}, чтобы начать, или STOP, чтобы больше не получать сообщений.',
		optedOut: 'Сообщений больше не будет. Отправьте START, чтобы снова их получать.',
		optedIn: 'Сообщения снова включены. Отправьте {keyword}, чтобы начать.',
		invitation:
			'Здравствуйте. Приглашаем вас пройти короткий опрос. Отправьте {keyword}, чтобы начать, или STOP, если не хотите сообщений.',
		reminder:
			'Вы не закончили короткий опрос. Ответьте на последний вопрос, чтобы продолжить, или STOP, если не хотите сообщений.',
		followUpAsk: 'Можно позже прислать одно короткое сообщение о переменах? 1 да, 2 нет',
		followUpYes: 'Спасибо. Пришлём одно короткое сообщение. STOP — отмена.',
		followUpNo: 'Спасибо. Больше сообщений не будет.'
	},
	uk: {
		chooseOne: 'Надішліть один номер.',
		chooseMany: 'Надішліть номери через пробіл.',
		range: 'Надішліть число від {start} до {end}.',
		rangeStep: 'Надішліть число від {start} до {end} з кроком {step}.',
		wholeNumber: 'Надішліть ціле число.',
		number: 'Надішліть число.',
		date: 'Надішліть дату, наприклад {example}.',
		preferNotToSayLine: 'Надішліть {code}, якщо волієте не відповідати.',
		notUnderstood: 'Вибачте, не вдалося зрозуміти відповідь.',
		outOfRange: 'Вибачте, це число поза діапазоном.',
		notAccepted: 'Вибачте, ця відповідь не приймається.',
		tooLong: 'Вибачте, відповідь задовга.',
		skipped: 'Переходимо до наступного запитання.',
		ended: 'Запитання перервано. Нічого не збережено.',
		expired: 'Час для відповідей минув. Нічого не збережено.',
		help: 'Надішліть номер своєї відповіді. Надішліть {keyword}, щоб почати, або STOP, щоб більше не отримувати повідомлень.',
		optedOut: 'Повідомлень більше не буде. Надішліть START, щоб знову їх отримувати.',
		optedIn: 'Повідомлення знову ввімкнено. Надішліть {keyword}, щоб почати.',
		invitation:
			'Вітаємо. Запрошуємо вас пройти коротке опитування. Надішліть {keyword}, щоб почати, або STOP, якщо не бажаєте повідомлень.',
		reminder:
			'Ви не завершили коротке опитування. Дайте відповідь на останнє запитання, щоб продовжити, або STOP, якщо не бажаєте повідомлень.',
		followUpAsk: 'Можна згодом надіслати одне коротке повідомлення про зміни? 1 так 2 ні',
		followUpYes: 'Дякуємо. Надішлемо одне коротке повідомлення. STOP — скасувати.',
		followUpNo: 'Дякуємо. Більше повідомлень не буде.'
	},
	ro: {
		chooseOne: 'Răspundeți cu un singur număr.',
		chooseMany: 'Răspundeți cu numerele, separate prin spații.',
		range: 'Răspundeți cu un număr de la {start} la {end}.',
		rangeStep: 'Răspundeți cu un număr de la {start} la {end}, din {step} în {step}.',
		wholeNumber: 'Răspundeți cu un număr întreg.',
		number: 'Răspundeți cu un număr.',
		date: 'Răspundeți cu o dată, de exemplu {example}.',
		preferNotToSayLine: 'Trimiteți {code} dacă preferați să nu răspundeți.',
		notUnderstood: 'Ne pare rău, răspunsul nu a putut fi citit.',
		outOfRange: 'Ne pare rău, numărul nu este în interval.',
		notAccepted: 'Ne pare rău, acest răspuns nu este acceptat.',
		tooLong: 'Ne pare rău, răspunsul este prea lung.',
		skipped: 'Trecem la următoarea întrebare.',
		ended: 'Întrebările se opresc aici. Nu s-a salvat nimic.',
		expired: 'Această conversație a expirat. Nu s-a salvat nimic.',
		help: 'Răspundeți cu numărul răspunsului ales. Trimiteți {keyword} pentru a începe. Trimiteți STOP ca să nu mai primiți mesaje.',
		optedOut: 'Nu veți mai primi mesaje. Trimiteți START pentru a le primi din nou.',
		optedIn: 'Mesajele sunt din nou active. Trimiteți {keyword} pentru a începe.',
		invitation:
			'Bună ziua. Vă invităm să răspundeți la un scurt chestionar. Trimiteți {keyword} pentru a începe sau STOP dacă nu doriți mesaje.',
		reminder:
			'Nu ați terminat scurtul chestionar. Răspundeți la ultima întrebare pentru a continua sau STOP dacă nu doriți mesaje.',
		followUpAsk: 'Vă putem trimite ulterior un mesaj scurt despre schimbări? 1 da, 2 nu',
		followUpYes: 'Mulțumim. Vom trimite un singur mesaj scurt. STOP anulează.',
		followUpNo: 'Mulțumim. Nu vom mai trimite alte mesaje.'
	},
	sw: {
		chooseOne: 'Jibu kwa nambari moja.',
		chooseMany: 'Jibu kwa nambari, zikitenganishwa kwa nafasi.',
		range: 'Jibu kwa nambari kuanzia {start} hadi {end}.',
		rangeStep: 'Jibu kwa nambari kuanzia {start} hadi {end}, kwa hatua za {step}.',
		wholeNumber: 'Jibu kwa nambari kamili.',
		number: 'Jibu kwa nambari.',
		date: 'Jibu kwa tarehe, kwa mfano {example}.',
		preferNotToSayLine: 'Tuma {code} ukipendelea kutojibu.',
		notUnderstood: 'Samahani, jibu hilo halikueleweka.',
		outOfRange: 'Samahani, nambari hiyo iko nje ya kiwango.',
		notAccepted: 'Samahani, jibu hilo halikubaliki.',
		tooLong: 'Samahani, jibu hilo ni refu mno.',
		skipped: 'Tunaendelea na swali linalofuata.',
		ended: 'Maswali yanaishia hapa. Hakuna kilichohifadhiwa.',
		expired: 'Muda wa mazungumzo haya umekwisha. Hakuna kilichohifadhiwa.',
		help: 'Jibu kwa nambari ya jibu lako. Tuma {keyword} kuanza. Tuma STOP kuacha kupokea ujumbe.',
		optedOut: 'Hutapokea ujumbe tena. Tuma START kuanza kupokea tena.',
		optedIn: 'Ujumbe umewashwa tena. Tuma {keyword} kuanza.',
		invitation:
			'Habari. Unaalikwa kujibu dodoso fupi. Tuma {keyword} kuanza, au STOP ikiwa hutaki kupokea ujumbe.',
		reminder:
			'Hujamaliza dodoso fupi. Jibu swali la mwisho ili kuendelea, au STOP ikiwa hutaki kupokea ujumbe.',
		followUpAsk:
			'Tukutumie ujumbe mmoja mfupi baadaye kuhusu kinachobadilika? Jibu 1 ndiyo, 2 hapana.',
		followUpYes: 'Asante. Tutatuma ujumbe mmoja mfupi baadaye. Tuma STOP wakati wowote kusitisha.',
		followUpNo: 'Asante. Hutatumiwa ujumbe mwingine.'
	},
	am: {
		chooseOne: 'እባክዎ በአንድ ቁጥር ይመልሱ።',
		chooseMany: 'እባክዎ ቁጥሮቹን በክፍት ቦታ እየለዩ ይመልሱ።',
		range: 'እባክዎ ከ{start} እስከ {end} ባለ ቁጥር ይመልሱ።',
		rangeStep: 'እባክዎ ከ{start} እስከ {end} ባለ ቁጥር በ{step} ልዩነት ይመልሱ።',
		wholeNumber: 'እባክዎ በሙሉ ቁጥር ይመልሱ።',
		number: 'እባክዎ በቁጥር ይመልሱ።',
		date: 'እባክዎ ቀን ይላኩ፤ ለምሳሌ {example}።',
		preferNotToSayLine: 'መናገር ካልፈለጉ {code} ይላኩ።',
		notUnderstood: 'ይቅርታ፣ ይህ መልስ ሊነበብ አልቻለም።',
		outOfRange: 'ይቅርታ፣ ይህ ቁጥር ከተፈቀደው ክልል ውጭ ነው።',
		notAccepted: 'ይቅርታ፣ ይህ መልስ ተቀባይነት የለውም።',
		tooLong: 'ይቅርታ፣ ይህ መልስ በጣም ረጅም ነው።',
		skipped: 'ወደሚቀጥለው ጥያቄ እንሂድ።',
		ended: 'ጥያቄዎቹ እዚህ ቆመዋል። ምንም ነገር አልተቀመጠም።',
		expired: 'የዚህ ውይይት ጊዜ አልፏል። ምንም ነገር አልተቀመጠም።',
		help: 'በመልስዎ ቁጥር ይመልሱ። ለመጀመር {keyword} ይላኩ። መልዕክቶችን ለማቆም STOP ይላኩ።',
		optedOut: 'ከእንግዲህ መልዕክት አይደርስዎትም። እንደገና ለመቀበል START ይላኩ።',
		optedIn: 'መልዕክቶች እንደገና በርተዋል። ለመጀመር {keyword} ይላኩ።',
		invitation: 'ሰላም። አጭር መጠይቅ እንዲመልሱ ተጋብዘዋል። ለመጀመር {keyword} ይላኩ፤ መልዕክቶችን ካልፈለጉ STOP ይላኩ።',
		reminder: 'አጭሩን መጠይቅ ገና አልጨረሱም። ለመቀጠል የመጨረሻውን ጥያቄ ይመልሱ፤ መልዕክቶችን ካልፈለጉ STOP ይላኩ።',
		followUpAsk: 'በኋላ ስለሚለወጠው አንድ አጭር መልዕክት ልንልክልዎ እንችላለን? 1 አዎ 2 አይ',
		followUpYes: 'እናመሰግናለን። አንድ አጭር መልዕክት እንልካለን። ለመሰረዝ STOP ይላኩ።',
		followUpNo: 'እናመሰግናለን። ሌላ መልዕክት አይላክም።'
	},
	ha: {
		chooseOne: 'Ku amsa da lamba ɗaya.',
		chooseMany: 'Ku amsa da lambobi, ku raba su da sarari.',
		range: 'Ku amsa da lamba daga {start} zuwa {end}.',
		rangeStep: 'Ku amsa da lamba daga {start} zuwa {end}, da tazarar {step}.',
		wholeNumber: 'Ku amsa da cikakkiyar lamba.',
		number: 'Ku amsa da lamba.',
		date: 'Ku amsa da kwanan wata, misali {example}.',
		preferNotToSayLine: 'Ku aika {code} idan kun gwammace kada ku faɗa.',
		notUnderstood: 'Yi haƙuri, ba a fahimci wannan amsar ba.',
		outOfRange: 'Yi haƙuri, wannan lambar ba ta cikin iyakar.',
		notAccepted: 'Yi haƙuri, ba a karɓi wannan amsar ba.',
		tooLong: 'Yi haƙuri, wannan amsar ta yi tsawo da yawa.',
		skipped: 'Mu ci gaba zuwa tambaya ta gaba.',
		ended: 'Tambayoyin sun tsaya a nan. Ba a adana komai ba.',
		expired: 'Lokacin wannan tattaunawa ya ƙare. Ba a adana komai ba.',
		help: 'Ku amsa da lambar amsarku. Ku aika {keyword} don farawa. Ku aika STOP don daina karɓar saƙonni.',
		optedOut: 'Ba za ku ƙara karɓar saƙonni ba. Ku aika START don sake karɓa.',
		optedIn: 'An sake kunna saƙonni. Ku aika {keyword} don farawa.',
		invitation:
			'Sannu. Muna gayyatar ku don amsa gajerun tambayoyi. Ku aika {keyword} don farawa, ko STOP idan ba ku son saƙonni.',
		reminder:
			'Ba ku gama gajerun tambayoyin ba. Ku amsa tambaya ta ƙarshe don ci gaba, ko STOP idan ba ku son saƙonni.',
		followUpAsk: "Mu aiko muku gajeren saƙo ɗaya daga baya kan sauye-sauye? 1 eh, 2 a'a",
		followUpYes: 'Mun gode. Za mu aika gajeren saƙo ɗaya. Ku aika STOP don sokewa.',
		followUpNo: 'Mun gode. Ba za a ƙara aiko muku saƙo ba.'
	},
	hi: {
		chooseOne: 'कृपया एक नंबर भेजें।',
		chooseMany: 'कृपया नंबर स्पेस देकर भेजें।',
		range: 'कृपया {start} से {end} तक कोई संख्या भेजें।',
		rangeStep: 'कृपया {start} से {end} तक {step} के अंतर वाली कोई संख्या भेजें।',
		wholeNumber: 'कृपया एक पूर्ण संख्या भेजें।',
		number: 'कृपया एक संख्या भेजें।',
		date: 'कृपया तारीख़ भेजें, जैसे {example}।',
		preferNotToSayLine: 'अगर आप बताना नहीं चाहते, तो {code} भेजें।',
		notUnderstood: 'माफ़ कीजिए, यह जवाब समझ नहीं आया।',
		outOfRange: 'माफ़ कीजिए, यह संख्या सीमा से बाहर है।',
		notAccepted: 'माफ़ कीजिए, यह जवाब स्वीकार नहीं किया जा सकता।',
		tooLong: 'माफ़ कीजिए, यह जवाब बहुत लंबा है।',
		skipped: 'अब अगले सवाल पर चलते हैं।',
		ended: 'सवाल यहीं रुक गए हैं। कुछ भी सहेजा नहीं गया है।',
		expired: 'इस बातचीत का समय खत्म हो गया है। कुछ भी सहेजा नहीं गया है।',
		help: 'अपने जवाब का नंबर भेजें। शुरू करने के लिए {keyword} भेजें। सभी संदेश बंद करने के लिए STOP भेजें।',
		optedOut: 'अब आपको कोई संदेश नहीं मिलेगा। फिर से संदेश पाने के लिए START भेजें।',
		optedIn: 'संदेश फिर से चालू हो गए हैं। शुरू करने के लिए {keyword} भेजें।',
		invitation:
			'नमस्ते। आपको एक छोटी प्रश्नावली भरने के लिए आमंत्रित किया गया है। शुरू करने के लिए {keyword} भेजें, संदेश न चाहें तो STOP भेजें।',
		reminder:
			'आपने छोटी प्रश्नावली पूरी नहीं की है। आगे बढ़ने के लिए आखिरी सवाल का जवाब दें, संदेश न चाहें तो STOP भेजें।',
		followUpAsk: 'क्या हम बाद में बदलावों पर एक छोटा संदेश भेजें? 1 हाँ, 2 नहीं',
		followUpYes: 'धन्यवाद। हम एक छोटा संदेश भेजेंगे। रद्द करने को STOP भेजें।',
		followUpNo: 'धन्यवाद। आगे कोई संदेश नहीं भेजा जाएगा।'
	},
	bn: {
		chooseOne: 'অনুগ্রহ করে একটি নম্বর পাঠান।',
		chooseMany: 'অনুগ্রহ করে নম্বরগুলো স্পেস দিয়ে আলাদা করে পাঠান।',
		range: 'অনুগ্রহ করে {start} থেকে {end} পর্যন্ত একটি সংখ্যা পাঠান।',
		rangeStep: 'অনুগ্রহ করে {start} থেকে {end} পর্যন্ত {step} ব্যবধানে একটি সংখ্যা পাঠান।',
		wholeNumber: 'অনুগ্রহ করে একটি পূর্ণ সংখ্যা পাঠান।',
		number: 'অনুগ্রহ করে একটি সংখ্যা পাঠান।',
		date: 'অনুগ্রহ করে একটি তারিখ পাঠান, যেমন {example}।',
		preferNotToSayLine: 'বলতে না চাইলে {code} পাঠান।',
		notUnderstood: 'দুঃখিত, এই উত্তরটি বোঝা যায়নি।',
		outOfRange: 'দুঃখিত, এই সংখ্যাটি সীমার বাইরে।',
		notAccepted: 'দুঃখিত, এই উত্তরটি গ্রহণযোগ্য নয়।',
		tooLong: 'দুঃখিত, এই উত্তরটি খুব বেশি লম্বা।',
		skipped: 'এবার পরের প্রশ্নে যাওয়া যাক।',
		ended: 'প্রশ্নগুলো এখানেই থেমে গেছে। কিছুই সংরক্ষণ করা হয়নি।',
		expired: 'এই কথোপকথনের মেয়াদ শেষ হয়ে গেছে। কিছুই সংরক্ষণ করা হয়নি।',
		help: 'আপনার উত্তরের নম্বরটি পাঠান। শুরু করতে {keyword} পাঠান। সব বার্তা বন্ধ করতে STOP পাঠান।',
		optedOut: 'আপনি আর কোনো বার্তা পাবেন না। আবার বার্তা পেতে START পাঠান।',
		optedIn: 'বার্তা আবার চালু হয়েছে। শুরু করতে {keyword} পাঠান।',
		invitation:
			'হ্যালো। একটি ছোট প্রশ্নাবলীর উত্তর দিতে আপনাকে আমন্ত্রণ জানানো হচ্ছে। শুরু করতে {keyword} পাঠান, বার্তা না চাইলে STOP পাঠান।',
		reminder:
			'আপনি ছোট প্রশ্নাবলীটি শেষ করেননি। চালিয়ে যেতে শেষ প্রশ্নের উত্তর পাঠান, বার্তা না চাইলে STOP পাঠান।',
		followUpAsk: 'পরে পরিবর্তন নিয়ে একটি ছোট বার্তা পাঠাতে পারি? 1 হ্যাঁ, 2 না',
		followUpYes: 'ধন্যবাদ। একটি ছোট বার্তা পাঠাব। বাতিল করতে STOP পাঠান।',
		followUpNo: 'ধন্যবাদ। আর কোনো বার্তা পাঠানো হবে না।'
	},
	ne: {
		chooseOne: 'कृपया एउटा नम्बर पठाउनुहोस्।',
		chooseMany: 'कृपया नम्बरहरू खाली ठाउँ छोडेर पठाउनुहोस्।',
		range: 'कृपया {start} देखि {end} सम्मको एउटा संख्या पठाउनुहोस्।',
		rangeStep: 'कृपया {start} देखि {end} सम्म {step} को फरकमा एउटा संख्या पठाउनुहोस्।',
		wholeNumber: 'कृपया पूर्ण संख्या पठाउनुहोस्।',
		number: 'कृपया एउटा संख्या पठाउनुहोस्।',
		date: 'कृपया मिति पठाउनुहोस्, जस्तै {example}।',
		preferNotToSayLine: 'भन्न नचाहेमा {code} पठाउनुहोस्।',
		notUnderstood: 'माफ गर्नुहोस्, यो जवाफ बुझिएन।',
		outOfRange: 'माफ गर्नुहोस्, यो संख्या सीमाभन्दा बाहिर छ।',
		notAccepted: 'माफ गर्नुहोस्, यो जवाफ स्वीकार्य छैन।',
		tooLong: 'माफ गर्नुहोस्, यो जवाफ धेरै लामो भयो।',
		skipped: 'अब अर्को प्रश्नमा जाऔँ।',
		ended: 'प्रश्नहरू यहीँ रोकिए। केही पनि सुरक्षित गरिएको छैन।',
		expired: 'यो कुराकानीको समय सकियो। केही पनि सुरक्षित गरिएको छैन।',
		help: 'आफ्नो जवाफको नम्बर पठाउनुहोस्। सुरु गर्न {keyword} पठाउनुहोस्। सबै सन्देश रोक्न STOP पठाउनुहोस्।',
		optedOut: 'अब तपाईंलाई कुनै सन्देश आउने छैन। फेरि सन्देश पाउन START पठाउनुहोस्।',
		optedIn: 'सन्देशहरू फेरि सुरु भएका छन्। सुरु गर्न {keyword} पठाउनुहोस्।',
		invitation:
			'नमस्ते। तपाईंलाई एउटा छोटो प्रश्नावलीको जवाफ दिन निम्तो छ। सुरु गर्न {keyword} पठाउनुहोस्, सन्देश नचाहे STOP पठाउनुहोस्।',
		reminder:
			'तपाईंले छोटो प्रश्नावली पूरा गर्नुभएको छैन। जारी राख्न अन्तिम प्रश्नको जवाफ पठाउनुहोस्, सन्देश नचाहे STOP पठाउनुहोस्।',
		followUpAsk: 'पछि परिवर्तनबारे एउटा छोटो सन्देश पठाऔँ? 1 हो, 2 होइन',
		followUpYes: 'धन्यवाद। एउटा छोटो सन्देश पठाउनेछौँ। रद्द गर्न STOP पठाउनुहोस्।',
		followUpNo: 'धन्यवाद। अब अर्को सन्देश पठाइने छैन।'
	},
	ur: {
		chooseOne: 'براہِ کرم ایک نمبر بھیجیں۔',
		chooseMany: 'براہِ کرم نمبر خالی جگہ دے کر بھیجیں۔',
		range: 'براہِ کرم {start} سے {end} تک کوئی عدد بھیجیں۔',
		rangeStep: 'براہِ کرم {start} سے {end} تک {step} کے وقفے سے کوئی عدد بھیجیں۔',
		wholeNumber: 'براہِ کرم مکمل عدد بھیجیں۔',
		number: 'براہِ کرم کوئی عدد بھیجیں۔',
		date: 'براہِ کرم تاریخ بھیجیں، مثلاً {example}۔',
		preferNotToSayLine: 'اگر آپ بتانا نہیں چاہتے تو {code} بھیجیں۔',
		notUnderstood: 'معذرت، یہ جواب سمجھ نہیں آیا۔',
		outOfRange: 'معذرت، یہ عدد حد سے باہر ہے۔',
		notAccepted: 'معذرت، یہ جواب قابلِ قبول نہیں۔',
		tooLong: 'معذرت، یہ جواب بہت لمبا ہے۔',
		skipped: 'اب اگلے سوال کی طرف چلتے ہیں۔',
		ended: 'سوالات یہیں رک گئے ہیں۔ کچھ بھی محفوظ نہیں کیا گیا۔',
		expired: 'اس گفتگو کی مدت ختم ہو گئی ہے۔ کچھ بھی محفوظ نہیں کیا گیا۔',
		help: 'اپنے جواب کا نمبر بھیجیں۔ شروع کرنے کے لیے {keyword} بھیجیں۔ تمام پیغامات بند کرنے کے لیے STOP بھیجیں۔',
		optedOut: 'اب کوئی پیغام نہیں آئے گا۔ دوبارہ پیغامات کے لیے START بھیجیں۔',
		optedIn: 'پیغامات دوبارہ شروع ہو گئے ہیں۔ شروع کرنے کے لیے {keyword} بھیجیں۔',
		invitation:
			'آداب۔ آپ کو ایک مختصر سوالنامے کا جواب دینے کی دعوت دی جاتی ہے۔ شروع کرنے کے لیے {keyword} بھیجیں، پیغامات نہ چاہیں تو STOP بھیجیں۔',
		reminder:
			'آپ نے مختصر سوالنامہ مکمل نہیں کیا۔ جاری رکھنے کے لیے آخری سوال کا جواب بھیجیں، پیغامات نہ چاہیں تو STOP بھیجیں۔',
		followUpAsk: 'کیا بعد میں تبدیلیوں پر ایک مختصر پیغام بھیجیں؟ 1 ہاں، 2 نہیں',
		followUpYes: 'شکریہ۔ ہم ایک مختصر پیغام بھیجیں گے۔ منسوخی کے لیے STOP بھیجیں۔',
		followUpNo: 'شکریہ۔ مزید کوئی پیغام نہیں بھیجا جائے گا۔'
	},
	fa: {
		chooseOne: 'لطفاً با یک شماره پاسخ دهید.',
		chooseMany: 'لطفاً شماره‌ها را با فاصله از هم بفرستید.',
		range: 'لطفاً عددی از {start} تا {end} بفرستید.',
		rangeStep: 'لطفاً عددی از {start} تا {end} با گام {step} بفرستید.',
		wholeNumber: 'لطفاً یک عدد صحیح بفرستید.',
		number: 'لطفاً یک عدد بفرستید.',
		date: 'لطفاً تاریخ را بفرستید، مثلاً {example}.',
		preferNotToSayLine: 'اگر ترجیح می‌دهید نگویید، {code} بفرستید.',
		notUnderstood: 'متأسفیم، این پاسخ خوانده نشد.',
		outOfRange: 'متأسفیم، این عدد خارج از محدوده است.',
		notAccepted: 'متأسفیم، این پاسخ پذیرفته نیست.',
		tooLong: 'متأسفیم، این پاسخ بیش از حد طولانی است.',
		skipped: 'به پرسش بعدی می‌رویم.',
		ended: 'پرسش‌ها همین‌جا متوقف شد. چیزی ذخیره نشد.',
		expired: 'مهلت این گفتگو به پایان رسید. چیزی ذخیره نشد.',
		help: 'شمارهٔ پاسخ خود را بفرستید. برای شروع {keyword} بفرستید. برای توقف همهٔ پیام‌ها STOP بفرستید.',
		optedOut: 'دیگر پیامی دریافت نخواهید کرد. برای دریافت دوباره، START بفرستید.',
		optedIn: 'پیام‌ها دوباره فعال شد. برای شروع {keyword} بفرستید.',
		invitation:
			'سلام. از شما دعوت می‌شود به یک پرسشنامهٔ کوتاه پاسخ دهید. برای شروع {keyword} بفرستید، یا اگر پیامی نمی‌خواهید STOP بفرستید.',
		reminder:
			'پرسشنامهٔ کوتاه را هنوز تمام نکرده‌اید. برای ادامه به آخرین پرسش پاسخ دهید، یا اگر پیامی نمی‌خواهید STOP بفرستید.',
		followUpAsk: 'اجازه می‌دهید بعداً یک پیام کوتاه دربارهٔ تغییرات بفرستیم؟ 1 بله، 2 نه',
		followUpYes: 'سپاس. یک پیام کوتاه می‌فرستیم. برای لغو STOP بفرستید.',
		followUpNo: 'سپاس. پیام دیگری فرستاده نمی‌شود.'
	},
	th: {
		chooseOne: 'กรุณาตอบด้วยหมายเลขเดียว',
		chooseMany: 'กรุณาตอบด้วยหมายเลข โดยเว้นวรรคระหว่างหมายเลข',
		range: 'กรุณาตอบด้วยตัวเลขตั้งแต่ {start} ถึง {end}',
		rangeStep: 'กรุณาตอบด้วยตัวเลขตั้งแต่ {start} ถึง {end} เพิ่มทีละ {step}',
		wholeNumber: 'กรุณาตอบด้วยจำนวนเต็ม',
		number: 'กรุณาตอบด้วยตัวเลข',
		date: 'กรุณาตอบเป็นวันที่ เช่น {example}',
		preferNotToSayLine: 'ส่ง {code} หากไม่ต้องการตอบ',
		notUnderstood: 'ขออภัย ไม่สามารถอ่านคำตอบนี้ได้',
		outOfRange: 'ขออภัย ตัวเลขนี้อยู่นอกช่วงที่กำหนด',
		notAccepted: 'ขออภัย ไม่สามารถรับคำตอบนี้ได้',
		tooLong: 'ขออภัย คำตอบนี้ยาวเกินไป',
		skipped: 'ขอข้ามไปยังคำถามถัดไป',
		ended: 'คำถามสิ้นสุดเพียงเท่านี้ ไม่มีการบันทึกข้อมูลใด ๆ',
		expired: 'การสนทนานี้หมดเวลาแล้ว ไม่มีการบันทึกข้อมูลใด ๆ',
		help: 'ตอบด้วยหมายเลขของคำตอบ ส่ง {keyword} เพื่อเริ่ม ส่ง STOP เพื่อหยุดรับข้อความทั้งหมด',
		optedOut: 'จะไม่มีข้อความส่งถึงอีก ส่ง START เพื่อรับข้อความอีกครั้ง',
		optedIn: 'เปิดรับข้อความอีกครั้งแล้ว ส่ง {keyword} เพื่อเริ่ม',
		invitation: 'สวัสดี ขอเชิญตอบแบบสอบถามสั้นๆ ส่ง {keyword} เพื่อเริ่ม หรือส่ง STOP หากไม่ต้องการรับข้อความ',
		reminder: 'ยังตอบแบบสอบถามสั้นๆ ไม่เสร็จ กรุณาตอบคำถามล่าสุดเพื่อทำต่อ หรือส่ง STOP หากไม่ต้องการรับข้อความ',
		followUpAsk: 'ขอส่งข้อความสั้นหนึ่งฉบับภายหลังเรื่องสิ่งที่เปลี่ยนได้ไหม 1 ได้ 2 ไม่',
		followUpYes: 'ขอบคุณ เราจะส่งข้อความสั้นหนึ่งฉบับ ส่ง STOP เพื่อยกเลิก',
		followUpNo: 'ขอบคุณ จะไม่มีการส่งข้อความอีก'
	},
	vi: {
		chooseOne: 'Vui lòng trả lời bằng một số thứ tự.',
		chooseMany: 'Vui lòng trả lời bằng các số, cách nhau bằng dấu cách.',
		range: 'Vui lòng trả lời bằng một số từ {start} đến {end}.',
		rangeStep: 'Vui lòng trả lời bằng một số từ {start} đến {end}, cách nhau {step}.',
		wholeNumber: 'Vui lòng trả lời bằng một số nguyên.',
		number: 'Vui lòng trả lời bằng một con số.',
		date: 'Vui lòng trả lời bằng ngày, ví dụ {example}.',
		preferNotToSayLine: 'Gửi {code} nếu bạn không muốn trả lời.',
		notUnderstood: 'Xin lỗi, không đọc được câu trả lời này.',
		outOfRange: 'Xin lỗi, số này nằm ngoài khoảng cho phép.',
		notAccepted: 'Xin lỗi, câu trả lời này không được chấp nhận.',
		tooLong: 'Xin lỗi, câu trả lời này quá dài.',
		skipped: 'Chuyển sang câu hỏi tiếp theo.',
		ended: 'Các câu hỏi dừng lại tại đây. Không có gì được lưu lại.',
		expired: 'Cuộc trò chuyện này đã hết hạn. Không có gì được lưu lại.',
		help: 'Trả lời bằng số của câu trả lời bạn chọn. Gửi {keyword} để bắt đầu. Gửi STOP để ngừng nhận mọi tin nhắn.',
		optedOut: 'Bạn sẽ không nhận thêm tin nhắn nào. Gửi START để nhận lại.',
		optedIn: 'Tin nhắn đã được bật lại. Gửi {keyword} để bắt đầu.',
		invitation:
			'Xin chào. Mời bạn trả lời một bảng hỏi ngắn. Gửi {keyword} để bắt đầu, hoặc STOP nếu bạn không muốn nhận tin nhắn.',
		reminder:
			'Bạn chưa hoàn thành bảng hỏi ngắn. Hãy trả lời câu hỏi gần nhất để tiếp tục, hoặc STOP nếu bạn không muốn nhận tin nhắn.',
		followUpAsk: 'Sau này gửi bạn một tin ngắn về các thay đổi nhé? 1 có, 2 không',
		followUpYes: 'Cảm ơn. Chúng tôi sẽ gửi một tin ngắn. Gửi STOP để hủy.',
		followUpNo: 'Cảm ơn. Sẽ không có tin nhắn nào khác.'
	},
	id: {
		chooseOne: 'Balas dengan satu nomor.',
		chooseMany: 'Balas dengan nomor-nomor, dipisahkan spasi.',
		range: 'Balas dengan angka dari {start} sampai {end}.',
		rangeStep: 'Balas dengan angka dari {start} sampai {end}, berselang {step}.',
		wholeNumber: 'Balas dengan bilangan bulat.',
		number: 'Balas dengan angka.',
		date: 'Balas dengan tanggal, misalnya {example}.',
		preferNotToSayLine: 'Kirim {code} jika Anda lebih suka tidak menjawab.',
		notUnderstood: 'Maaf, balasan ini tidak dapat dibaca.',
		outOfRange: 'Maaf, angka ini di luar rentang.',
		notAccepted: 'Maaf, jawaban ini tidak dapat diterima.',
		tooLong: 'Maaf, jawaban ini terlalu panjang.',
		skipped: 'Kita lanjut ke pertanyaan berikutnya.',
		ended: 'Pertanyaan berhenti di sini. Tidak ada yang disimpan.',
		expired: 'Percakapan ini sudah kedaluwarsa. Tidak ada yang disimpan.',
		help: 'Balas dengan nomor jawaban Anda. Kirim {keyword} untuk mulai. Kirim STOP untuk berhenti menerima semua pesan.',
		optedOut: 'Anda tidak akan menerima pesan lagi. Kirim START untuk menerimanya kembali.',
		optedIn: 'Pesan sudah aktif kembali. Kirim {keyword} untuk mulai.',
		invitation:
			'Halo. Anda diundang untuk menjawab kuesioner singkat. Balas {keyword} untuk mulai, atau STOP jika tidak ingin menerima pesan.',
		reminder:
			'Anda belum menyelesaikan kuesioner singkat. Balas pertanyaan terakhir untuk melanjutkan, atau STOP jika tidak ingin menerima pesan.',
		followUpAsk:
			'Bolehkah kami mengirim satu pesan singkat nanti tentang apa yang berubah? Balas 1 ya, 2 tidak.',
		followUpYes:
			'Terima kasih. Kami akan mengirim satu pesan singkat nanti. Kirim STOP kapan saja untuk membatalkan.',
		followUpNo: 'Terima kasih. Tidak akan ada pesan lain.'
	},
	tl: {
		chooseOne: 'Sumagot po ng isang numero.',
		chooseMany: 'Sumagot po ng mga numero, hiwalay ng espasyo.',
		range: 'Sumagot po ng numero mula {start} hanggang {end}.',
		rangeStep: 'Sumagot po ng numero mula {start} hanggang {end}, na may pagitang {step}.',
		wholeNumber: 'Sumagot po ng buong numero.',
		number: 'Sumagot po ng numero.',
		date: 'Sumagot po ng petsa, halimbawa {example}.',
		preferNotToSayLine: 'Ipadala po ang {code} kung mas gusto ninyong hindi sabihin.',
		notUnderstood: 'Paumanhin, hindi mabasa ang sagot na ito.',
		outOfRange: 'Paumanhin, wala sa saklaw ang numerong ito.',
		notAccepted: 'Paumanhin, hindi matatanggap ang sagot na ito.',
		tooLong: 'Paumanhin, masyadong mahaba ang sagot na ito.',
		skipped: 'Lilipat na tayo sa susunod na tanong.',
		ended: 'Dito na po natapos ang mga tanong. Walang na-save.',
		expired: 'Nag-expire na ang usapang ito. Walang na-save.',
		help: 'Sumagot po gamit ang numero ng inyong sagot. Ipadala ang {keyword} para magsimula. Ipadala ang STOP para itigil ang lahat ng mensahe.',
		optedOut: 'Wala na kayong matatanggap na mensahe. Ipadala ang START para muling makatanggap.',
		optedIn: 'Muling naka-on ang mga mensahe. Ipadala ang {keyword} para magsimula.',
		invitation:
			'Magandang araw po. Inaanyayahan kayong sagutan ang isang maikling talatanungan. Ipadala ang {keyword} para magsimula, o STOP kung ayaw ninyo ng mensahe.',
		reminder:
			'Hindi pa ninyo natatapos ang maikling talatanungan. Sagutin po ang huling tanong para magpatuloy, o STOP kung ayaw ninyo ng mensahe.',
		followUpAsk:
			'Maaari ba namin kayong padalhan sa susunod ng isang maikling mensahe tungkol sa mga pagbabago? 1 oo, 2 hindi',
		followUpYes:
			'Salamat po. Magpapadala kami ng isang maikling mensahe. Ipadala ang STOP anumang oras para kanselahin.',
		followUpNo: 'Salamat po. Wala nang ibang mensaheng ipapadala.'
	},
	zh: {
		chooseOne: '请回复一个编号。',
		chooseMany: '请回复编号，用空格分隔。',
		range: '请回复{start}到{end}之间的数字。',
		rangeStep: '请回复{start}到{end}之间的数字，间隔为{step}。',
		wholeNumber: '请回复一个整数。',
		number: '请回复一个数字。',
		date: '请回复日期，例如{example}。',
		preferNotToSayLine: '如不愿透露，请回复{code}。',
		notUnderstood: '抱歉，无法识别此回复。',
		outOfRange: '抱歉，此数字超出范围。',
		notAccepted: '抱歉，此回答无法接受。',
		tooLong: '抱歉，此回答太长。',
		skipped: '接下来是下一个问题。',
		ended: '问题到此结束。没有保存任何内容。',
		expired: '此对话已过期。没有保存任何内容。',
		help: '请回复您所选答案的编号。发送{keyword}开始。发送STOP停止接收所有消息。',
		optedOut: '您将不再收到消息。发送START可重新接收。',
		optedIn: '消息已重新开启。发送{keyword}开始。',
		invitation: '您好。诚邀您回答一份简短问卷。回复{keyword}开始，如不想收到消息请回复STOP。',
		reminder: '您尚未完成简短问卷。请回答上一个问题以继续，如不想收到消息请回复STOP。',
		followUpAsk: '我们之后可以给您发一条简短消息，介绍有哪些改变吗？1 可以 2 不用',
		followUpYes: '谢谢。我们会发送一条简短消息。回复STOP可随时取消。',
		followUpNo: '谢谢。我们不会再发送消息。'
	}
} satisfies Record<string, SmsWords>;

type Code = keyof typeof WORDS;

/** The languages the SMS words are written in (a test holds them to the chrome's list). */
export const SMS_LANGUAGES: readonly string[] = Object.keys(WORDS);

function lookUp(code: string): SmsWords | undefined {
	return Object.hasOwn(WORDS, code) ? WORDS[code as Code] : undefined;
}

/** The SMS words for a language: the exact code, then its primary subtag, then English. */
export function smsWordsFor(lang: string): SmsWords {
	return lookUp(lang) ?? lookUp(lang.split(/[-_]/)[0]!) ?? WORDS.en;
}

/** The chrome words the SMS channel shares with the web pages. */
export type SharedWords = Pick<
	Chrome,
	| 'thankYou'
	| 'notNowLeft'
	| 'declinedLeft'
	| 'preferNotToSay'
	| 'yesContinue'
	| 'notNow'
	| 'agree'
	| 'decline'
>;

/** Both: the SMS words and the chrome words shared with the web pages. */
export function wordsFor(lang: string): SmsWords & SharedWords {
	return { ...chromeFor(lang), ...smsWordsFor(lang) };
}

/** Fills `{name}` placeholders (as the chrome does). */
export const formatWords = formatChrome;

/** The answer to HELP / INFO, with the channel's start keyword. */
export function helpText(lang: string, keyword: string): string {
	return formatWords(smsWordsFor(lang).help, { keyword });
}

/** The one confirmation after STOP and its synonyms. */
export function optedOutText(lang: string): string {
	return smsWordsFor(lang).optedOut;
}

/** The confirmation after START / UNSTOP, with the channel's start keyword. */
export function optedInText(lang: string, keyword: string): string {
	return formatWords(smsWordsFor(lang).optedIn, { keyword });
}

/** The invitation to answer, with the channel's start keyword. */
export function invitationText(lang: string, keyword: string): string {
	return formatWords(smsWordsFor(lang).invitation, { keyword });
}

/** The nudge to an unfinished conversation. */
export function reminderText(lang: string): string {
	return smsWordsFor(lang).reminder;
}
