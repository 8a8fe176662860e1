/**
 * Messages of mail (the templates of app/domain/mail-templates.ts), of the organisers' outbox page
 * (/organise/outbox) and of the password-reset pages (/forgot-password, /reset-password/:token).
 * Two namespaces: `mail` (mail and outbox) and `recovery` (the log-in page's link and the reset
 * pages), so that the log-in page does not carry every mail's text. `fr` is typed from `en`: a key missing in French fails the typecheck.
 */
const en = {
  // Every message
  'mail.signature': 'The Palmarès team of the GovTech Summit',
  'mail.linkHidden': '[single-use link, shown only to its recipient]',
  'mail.footer': 'You receive this message because of an action on Palmarès, the pitch competition of the GovTech Summit. Do not reply: this address is not read.',

  // Judge invitation
  'mail.invitation.judge.subject': 'You are invited to judge {edition}',
  'mail.invitation.judge.greeting': 'Hello,',
  'mail.invitation.judge.body': '{inviter} invites you to join the jury of {edition}. Open the link below to accept: you will choose your password there (or log in if you already have an account).',
  'mail.invitation.judge.expiry': 'The link works once, until {expiresAt} (Paris time).',
  'mail.invitation.judge.action': 'Accept the invitation',

  // Organiser invitation
  'mail.invitation.organiser.subject': 'You are invited to organise the GovTech Summit pitch competition',
  'mail.invitation.organiser.body': '{inviter} invites you to join the organising team of the GovTech Summit pitch competition on Palmarès. Open the link below to accept: you will choose your password there (or log in if you already have an account).',
  'mail.invitation.organiser.action': 'Join the organising team',

  // Application receipt
  'mail.received.subject': 'Application received: {startup} — {edition}',
  'mail.received.greeting': 'Hello {name},',
  'mail.received.body': 'We received the application of {startup} to {edition} on {submittedAt} (Paris time). Here is what you sent.',
  'mail.received.next': 'You can follow its status, or withdraw it, from your page.',
  'mail.received.action': 'See my application',
  'mail.received.yes': 'Yes',
  'mail.received.no': 'No',
  'mail.received.none': '—',

  // Password reset
  'mail.reset.subject': 'Reset your Palmarès password',
  'mail.reset.greeting': 'Hello {name},',
  'mail.reset.body': 'Someone (we hope you) asked to reset the password of your Palmarès account. Open the link below to choose a new one.',
  'mail.reset.expiry': 'The link works once, for one hour (until {expiresAt}, Paris time). Choosing a new password logs out every device logged into your account.',
  'mail.reset.ignore': 'If you did not ask for it, ignore this message: your password does not change.',
  'mail.reset.action': 'Choose a new password',

  // Results published
  'mail.results.subject': 'The results of {edition} are published',
  'mail.results.greeting': 'Hello {name},',
  'mail.results.body': 'The jury’s results of {edition} are published. Thank you for the application of {startup}. See its outcome on your page.',
  'mail.results.named': 'You consented to publication: the public results name {startup}.',
  'mail.results.anonymous': 'You did not consent to publication: the public results show your startup as “{label}”, never by its name.',
  'mail.results.action': 'See my page',
  // Feedback from the jury (issue 15)
  'mail.results.feedback': 'The judges also wrote feedback for your startup: your scores next to the other applications’, and their comments, without their names.',
  'mail.results.feedbackAction': 'Read the feedback from the jury',

  // The outbox page
  'outbox.title': 'Outbox',
  'outbox.lead': 'Every message Palmarès sends, newest first. Messages are sent in the background; a message that fails is tried again later, waiting longer each time.',
  'outbox.transport.smtp': 'Sent through the SMTP server set by SMTP_URL.',
  'outbox.transport.files': 'No SMTP server is set (SMTP_URL): each message is written as an .eml file to {dir}.',
  'outbox.empty': 'No message yet.',
  'outbox.col.created': 'Queued',
  'outbox.col.to': 'To',
  'outbox.col.subject': 'Subject',
  'outbox.col.status': 'Status',
  'outbox.col.attempts': 'Attempts',
  'outbox.col.lastError': 'Last error',
  'outbox.status.queued': 'Queued',
  'outbox.status.sent': 'Sent',
  'outbox.status.failed': 'Failed',
  'outbox.filter.label': 'Show',
  'outbox.filter.all': 'All',
  'outbox.filter.apply': 'Show',
  'outbox.view': 'View',
  'outbox.retry': 'Try again',
  'outbox.retried': 'The message is queued again.',
  'outbox.back': 'Back to the outbox',
  'outbox.message.title': 'Message {id}',
  'outbox.message.language': 'Language',
  'outbox.message.template': 'Kind',
  'outbox.message.nextAttempt': 'Next attempt',
  'outbox.message.sentAt': 'Sent',
  'outbox.message.text': 'Plain text',
  'outbox.message.html': 'HTML (as text)',
  'outbox.message.secretNote': 'Single-use links (invitations, password resets) are not shown here: only their recipient receives them.',
  'outbox.errors.notFailed': 'Only a failed message can be tried again.',
  'outbox.template.invitation.judge': 'Judge invitation',
  'outbox.template.invitation.organiser': 'Organiser invitation',
  'outbox.template.application.received': 'Application receipt',
  'outbox.template.password.reset': 'Password reset',
  'outbox.template.results.published': 'Results published',
} as const;

const fr: Record<keyof typeof en, string> = {
  'mail.signature': 'L’équipe Palmarès du GovTech Summit',
  'mail.linkHidden': '[lien à usage unique, montré à son seul destinataire]',
  'mail.footer': 'Vous recevez ce message à la suite d’une action sur Palmarès, le concours de pitchs du GovTech Summit. N’y répondez pas : cette adresse n’est pas lue.',

  'mail.invitation.judge.subject': 'Vous êtes invité·e à faire partie du jury de {edition}',
  'mail.invitation.judge.greeting': 'Bonjour,',
  'mail.invitation.judge.body': '{inviter} vous invite à rejoindre le jury de {edition}. Ouvrez le lien ci-dessous pour accepter : vous y choisirez votre mot de passe (ou vous vous connecterez si vous avez déjà un compte).',
  'mail.invitation.judge.expiry': 'Le lien fonctionne une fois, jusqu’au {expiresAt} (heure de Paris).',
  'mail.invitation.judge.action': 'Accepter l’invitation',

  'mail.invitation.organiser.subject': 'Vous êtes invité·e à organiser le concours de pitchs du GovTech Summit',
  'mail.invitation.organiser.body': '{inviter} vous invite à rejoindre l’équipe d’organisation du concours de pitchs du GovTech Summit sur Palmarès. Ouvrez le lien ci-dessous pour accepter : vous y choisirez votre mot de passe (ou vous vous connecterez si vous avez déjà un compte).',
  'mail.invitation.organiser.action': 'Rejoindre l’équipe d’organisation',

  'mail.received.subject': 'Candidature reçue : {startup} — {edition}',
  'mail.received.greeting': 'Bonjour {name},',
  'mail.received.body': 'Nous avons bien reçu la candidature de {startup} à {edition} le {submittedAt} (heure de Paris). Voici ce que vous avez envoyé.',
  'mail.received.next': 'Vous pouvez suivre son statut, ou la retirer, depuis votre page.',
  'mail.received.action': 'Voir ma candidature',
  'mail.received.yes': 'Oui',
  'mail.received.no': 'Non',
  'mail.received.none': '—',

  'mail.reset.subject': 'Réinitialiser votre mot de passe Palmarès',
  'mail.reset.greeting': 'Bonjour {name},',
  'mail.reset.body': 'Quelqu’un (vous, nous l’espérons) a demandé à réinitialiser le mot de passe de votre compte Palmarès. Ouvrez le lien ci-dessous pour en choisir un nouveau.',
  'mail.reset.expiry': 'Le lien fonctionne une fois, pendant une heure (jusqu’au {expiresAt}, heure de Paris). Choisir un nouveau mot de passe déconnecte tous les appareils connectés à votre compte.',
  'mail.reset.ignore': 'Si vous ne l’avez pas demandé, ignorez ce message : votre mot de passe ne change pas.',
  'mail.reset.action': 'Choisir un nouveau mot de passe',

  'mail.results.subject': 'Les résultats de {edition} sont publiés',
  'mail.results.greeting': 'Bonjour {name},',
  'mail.results.body': 'Les résultats du jury de {edition} sont publiés. Merci pour la candidature de {startup}. Découvrez son résultat sur votre page.',
  'mail.results.named': 'Vous avez consenti à la publication : les résultats publics nomment {startup}.',
  'mail.results.anonymous': 'Vous n’avez pas consenti à la publication : les résultats publics montrent votre startup sous le nom « {label} », jamais sous son nom.',
  'mail.results.action': 'Voir ma page',
  // Retours du jury (ticket 15)
  'mail.results.feedback': 'Le jury a aussi écrit des retours pour votre startup : vos notes à côté de celles des autres candidatures, et leurs commentaires, sans leur nom.',
  'mail.results.feedbackAction': 'Lire les retours du jury',

  'outbox.title': 'Boîte d’envoi',
  'outbox.lead': 'Chaque message qu’envoie Palmarès, du plus récent au plus ancien. Les messages partent en arrière-plan ; un message qui échoue est retenté plus tard, avec une attente chaque fois plus longue.',
  'outbox.transport.smtp': 'Envoyés par le serveur SMTP défini par SMTP_URL.',
  'outbox.transport.files': 'Aucun serveur SMTP n’est défini (SMTP_URL) : chaque message est écrit dans un fichier .eml dans {dir}.',
  'outbox.empty': 'Aucun message pour l’instant.',
  'outbox.col.created': 'Mis en file',
  'outbox.col.to': 'Destinataire',
  'outbox.col.subject': 'Objet',
  'outbox.col.status': 'Statut',
  'outbox.col.attempts': 'Tentatives',
  'outbox.col.lastError': 'Dernière erreur',
  'outbox.status.queued': 'En file',
  'outbox.status.sent': 'Envoyé',
  'outbox.status.failed': 'Échec',
  'outbox.filter.label': 'Afficher',
  'outbox.filter.all': 'Tous',
  'outbox.filter.apply': 'Afficher',
  'outbox.view': 'Voir',
  'outbox.retry': 'Réessayer',
  'outbox.retried': 'Le message est de nouveau en file.',
  'outbox.back': 'Retour à la boîte d’envoi',
  'outbox.message.title': 'Message {id}',
  'outbox.message.language': 'Langue',
  'outbox.message.template': 'Type',
  'outbox.message.nextAttempt': 'Prochaine tentative',
  'outbox.message.sentAt': 'Envoyé',
  'outbox.message.text': 'Texte brut',
  'outbox.message.html': 'HTML (en texte)',
  'outbox.message.secretNote': 'Les liens à usage unique (invitations, réinitialisations de mot de passe) ne sont pas montrés ici : seul leur destinataire les reçoit.',
  'outbox.errors.notFailed': 'Seul un message en échec peut être retenté.',
  'outbox.template.invitation.judge': 'Invitation au jury',
  'outbox.template.invitation.organiser': 'Invitation à organiser',
  'outbox.template.application.received': 'Accusé de réception de candidature',
  'outbox.template.password.reset': 'Réinitialisation du mot de passe',
  'outbox.template.results.published': 'Résultats publiés',
};

const recoveryEn = {
  'login.forgotLink': 'Forgot your password?',
  'forgot.title': 'Forgot your password',
  'forgot.lead': 'Enter the address of your account: we send it a link to choose a new password.',
  'forgot.submit': 'Send me a link',
  'forgot.sent': 'If an account uses {email}, a link to choose a new password is on its way. It works once, for one hour. Nothing arrived? Check your spam folder, then ask again.',
  'reset.title': 'Choose a new password',
  'reset.lead': 'For the account {email}. Every device logged into it will be logged out.',
  'reset.submit': 'Save my new password',
  'reset.done': 'Your password is changed, and every device that was logged in is logged out. Log in with your new password.',
  'reset.invalid.title': 'This link does not work',
  'reset.invalid.body': 'A reset link works once, for one hour, and only the newest one asked for. Ask for a new link.',
  'reset.invalid.action': 'Ask for a new link',
  'fields.newPassword': 'New password',
} as const;


const recoveryFr: Record<keyof typeof recoveryEn, string> = {
  'login.forgotLink': 'Mot de passe oublié ?',
  'forgot.title': 'Mot de passe oublié',
  'forgot.lead': 'Saisissez l’adresse de votre compte : nous lui envoyons un lien pour choisir un nouveau mot de passe.',
  'forgot.submit': 'M’envoyer un lien',
  'forgot.sent': 'Si un compte utilise {email}, un lien pour choisir un nouveau mot de passe est en route. Il fonctionne une fois, pendant une heure. Rien reçu ? Regardez dans les indésirables, puis redemandez.',
  'reset.title': 'Choisir un nouveau mot de passe',
  'reset.lead': 'Pour le compte {email}. Tous les appareils connectés à ce compte seront déconnectés.',
  'reset.submit': 'Enregistrer mon nouveau mot de passe',
  'reset.done': 'Votre mot de passe est changé, et tous les appareils qui étaient connectés sont déconnectés. Connectez-vous avec votre nouveau mot de passe.',
  'reset.invalid.title': 'Ce lien ne fonctionne pas',
  'reset.invalid.body': 'Un lien de réinitialisation fonctionne une fois, pendant une heure, et seulement le dernier demandé. Demandez un nouveau lien.',
  'reset.invalid.action': 'Demander un nouveau lien',
  'fields.newPassword': 'Nouveau mot de passe',
};


export const mailMessages = { en, fr };
export const recoveryMessages = { en: recoveryEn, fr: recoveryFr };
