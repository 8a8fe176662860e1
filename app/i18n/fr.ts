/** Français. Typed from the English dictionary: a missing key fails the typecheck. */
import { applicationsMessages } from './applications';
import { editionsMessages } from './editions';
import { feedbackMessages } from './feedback';
import type { MessageKey } from './en';
import { judgingMessages } from './judging';
import { mailMessages, recoveryMessages } from './mail';
import { layoutMessages, menuMessages } from './layout';
import { resultsMessages } from './results';
import { scoringMessages } from './scoring';
import { stageMessages } from './stage';

const core: Record<Exclude<MessageKey, FeatureKey>, string> = {
  'app.title': 'Palmarès — concours de pitchs du GovTech Summit',
  'app.description': 'Candidater, évaluer et suivre le concours de pitchs du GovTech Summit à Paris.',

  'nav.skipToContent': 'Aller au contenu',
  'nav.label': 'Menu principal',
  'nav.editions': 'Éditions',
  'nav.myApplications': 'Mes candidatures',
  'nav.judging': 'Évaluation',
  'nav.organise': 'Organisation',
  'nav.accountOf': 'Compte de',
  'nav.logout': 'Se déconnecter',
  'nav.login': 'Se connecter',
  'nav.signup': 'Créer un compte',
  'footer.tagline': 'Palmarès · le concours de pitchs ouvert du GovTech Summit, Paris. Les classements sont publics et recalculables à partir des données ouvertes.',

  'language.label': 'Langue',
  'language.switchTo.fr': 'Afficher en français',
  'language.switchTo.en': 'Show in English',

  'errors.page.forbidden.title': 'Vous n’avez pas accès à cette page',
  'errors.page.forbidden.body': 'Votre compte n’a pas le rôle nécessaire pour cette page. Si vous pensez qu’il devrait l’avoir, contactez les organisateurs.',
  'errors.page.notFound.title': 'Page introuvable',
  'errors.page.notFound.body': 'L’adresse est peut-être mal saisie, ou la page a été déplacée.',
  'errors.page.serverError.title': 'Une erreur s’est produite de notre côté',
  'errors.page.serverError.body': 'Rien de ce que vous avez enregistré n’est perdu. Réessayez dans un instant.',
  'errors.page.backHome': 'Retour aux éditions',
  'errors.section.judgeEditions': 'Toutes mes éditions à évaluer',
  'errors.section.judgeBack': 'Retour à mes pitchs',

  'errors.request.backHome': 'Retour à l’accueil',
  'errors.request.crossOrigin.title': 'Ce formulaire a été envoyé depuis un autre site',
  'errors.request.crossOrigin.body': 'Pour votre sécurité, Palmarès n’accepte que les formulaires envoyés depuis ses propres pages. Revenez à la page, rechargez-la et envoyez de nouveau le formulaire.',
  'errors.request.payloadTooLarge.title': 'Ce que vous avez envoyé est trop volumineux',
  'errors.request.payloadTooLarge.body': 'Un formulaire peut contenir au plus {limit}. Raccourcissez le texte et envoyez-le de nouveau.',
  'errors.request.lengthRequired.title': 'La requête n’indiquait pas sa longueur',
  'errors.request.lengthRequired.body': 'Les formulaires doivent être envoyés avec leur longueur. Rechargez la page et envoyez de nouveau le formulaire.',
  'errors.request.unsupportedMediaType.title': 'Ce type de requête n’est pas accepté ici',
  'errors.request.unsupportedMediaType.body': 'Cette adresse n’accepte que les formulaires de sa propre page. Rechargez la page et envoyez de nouveau le formulaire.',
  'errors.request.methodNotAllowed.title': 'Cette action n’est pas possible à cette adresse',
  'errors.request.methodNotAllowed.body': 'L’adresse existe, mais pas pour ce type de requête.',
  'errors.request.tooManyConnections.title': 'Trop d’écrans en direct sont ouverts',
  'errors.request.tooManyConnections.body': 'Fermez un onglet qui affiche la scène en direct, puis rechargez celui-ci.',
  'errors.edition.notFound': 'Cette édition n’existe pas.',
  'errors.edition.frozen': 'Les résultats de cette édition sont publiés : ils sont figés, et rien de son évaluation ne peut plus changer.',
  'errors.text.forbiddenCharacter': 'Retirez les caractères de contrôle invisibles (souvent collés avec le texte)',
  'errors.text.unreadable': 'Une partie de ce texte n’a pas pu être lue (le signe �) : saisissez-la à nouveau',

  'home.title': 'Le concours de pitchs du GovTech Summit',
  'home.lead': 'Des startups GovTech et civic-tech candidatent, un jury note leurs pitchs selon des critères publics, et les lauréats sont dévoilés sur scène à Paris. Chaque classement est recalculable à partir des données ouvertes.',
  'home.editions': 'Éditions',
  'home.noEditions': 'Aucune édition pour l’instant.',
  'home.editionOf': 'Édition',
  'home.applicationsCloseOn': 'Candidatures jusqu’au {date}',
  'home.startupsCount': '{count, plural, one {# startup candidate} other {# startups candidates}}',

  'status.edition.draft': 'En préparation',
  'status.edition.open': 'Candidatures ouvertes',
  'status.edition.judging': 'Évaluation en cours',
  'status.edition.final': 'Finale',
  'status.edition.published': 'Résultats publiés',
  'status.application.draft': 'Brouillon',
  'status.application.submitted': 'Déposée',
  'status.application.shortlisted': 'Présélectionnée',
  'status.application.finalist': 'Finaliste',
  'status.application.winner': 'Lauréate',
  'status.application.not_selected': 'Non retenue',
  'status.application.withdrawn': 'Retirée',
  'status.round.open': 'notation ouverte',
  'status.round.locked': 'notation verrouillée',
  'method.mean': 'moyenne',
  'method.trimmed': 'moyenne tronquée',
  'method.zscore': 'score z',
  'roles.founder': 'Fondateur ou fondatrice',
  'roles.judge': 'Membre du jury',
  'roles.organiser': 'Organisation',

  'edition.undisclosedStartup': 'Une startup (nom non publié)',
  'edition.dates': 'Sommet',
  'edition.dateRange': 'du {start} au {end}',
  'edition.applicationWindow': 'Candidatures',
  'edition.tracks': 'Catégories',
  'edition.winners': 'Lauréats',
  'edition.place': '{place}ᵉ place',
  'edition.peoplesChoice': 'Prix du public :',
  'edition.trackWinners': 'Meilleure startup de chaque catégorie',
  'edition.resultsNotPublished': 'Les résultats de cette édition ne sont pas encore publiés.',
  'edition.showcaseLink': 'Les startups de toutes les éditions, et leur parcours',

  'fields.email': 'Adresse électronique',
  'fields.password': 'Mot de passe',
  'fields.name': 'Nom complet',
  'forms.errorPrefix': 'Erreur :',
  'forms.errorSummaryTitle': 'Il y a un problème',
  'forms.summaryItem': '{label} : {message}',
  'forms.optional': '(facultatif)',

  'login.title': 'Se connecter',
  'login.submit': 'Se connecter',
  'login.noAccount': 'Pas encore de compte ?',
  'login.signupLink': 'Créez-en un pour candidater',
  'signup.title': 'Créer un compte',
  'signup.lead': 'Pour les fondateurs et fondatrices de startups : un compte permet de remplir votre candidature en plusieurs fois et d’en suivre l’état.',
  'signup.passwordHint': 'Au moins {min} caractères. Une courte phrase se retient facilement et se devine mal.',
  'signup.submit': 'Créer mon compte',
  'signup.haveAccount': 'Vous avez déjà un compte ?',
  'signup.loginLink': 'Se connecter',

  'errors.email.required': 'Saisissez votre adresse électronique',
  'errors.email.tooLong': 'L’adresse électronique est trop longue',
  'errors.email.invalid': 'Saisissez une adresse électronique comme nom@exemple.fr',
  'errors.email.taken': 'Un compte utilise déjà cette adresse : connectez-vous plutôt',
  'errors.password.required': 'Saisissez votre mot de passe',
  'errors.password.tooShort': 'Le mot de passe doit comporter au moins {min} caractères',
  'errors.password.tooLong': 'Le mot de passe doit comporter au plus {max} caractères',
  'errors.name.required': 'Saisissez votre nom',
  'errors.name.tooLong': 'Le nom est trop long',
  'errors.auth.tooManyAttempts': 'Trop de tentatives. Réessayez dans {minutes} minutes.',
  'errors.auth.invalidCredentials': 'L’adresse électronique ou le mot de passe est incorrect.',

  'me.title': 'Mes candidatures',
  'me.greeting': 'Bonjour {name}. Voici toutes vos candidatures, édition par édition.',
  'me.none': 'Vous n’avez encore aucune candidature.',
  'me.untitled': 'Candidature sans titre',
  'me.timelineLabel': 'Avancement de {startup}',
  'timeline.draft': 'Brouillon',
  'timeline.submitted': 'Déposée',
  'timeline.finalist': 'Finaliste',
  'timeline.outcome.winner': 'Lauréate',
  'timeline.outcome.not_selected': 'Non retenue',
  'timeline.outcome.withdrawn': 'Retirée',
  'timeline.outcome.finalist': 'Finaliste, sans prix',
  'timeline.outcome.pending': 'Résultat',
  'timeline.state.done': 'fait',
  'timeline.state.current': 'étape en cours',
  'timeline.state.upcoming': 'à venir',
  'timeline.state.skipped': 'non atteinte',
  'progress.xOfY': '{done} sur {total} envoyées',

  'judge.title': 'Évaluation',
  'judge.greeting': 'Bonjour {name}. Vos éditions et votre avancement dans chaque tour.',
  'judge.noRounds': 'Aucun tour pour l’instant.',

  'organise.title': 'Organisation',
  'organise.lead': 'Chaque édition d’un coup d’œil : candidatures, jury et avancement de chaque tour.',
  'organise.outboxLink': 'Boîte d’envoi : le courrier qu’envoie Palmarès',
  'organise.judgesCount': '{count, plural, one {# membre du jury} other {# membres du jury}}',
  'organise.applicationsByStatus': 'Candidatures {year} par état',
  'organise.tabs.label': 'Pages de l’édition {year}',
  'organise.tabs.setup': 'Paramétrage',
  'organise.tabs.applications': 'Candidatures',
  'organise.tabs.judges': 'Jury et conflits',
  'organise.tabs.assignments': 'Attributions',
  'organise.tabs.progress': 'Avancement',
  'organise.tabs.audit': 'Journal d’audit',
  'organise.tabs.shortlist': 'Finalistes',
  'organise.tabs.results': 'Classements et résultats',
  'organise.tabs.feedback': 'Retours',
  'organise.showcaseLink': 'Fiches de la vitrine (startups de toutes les éditions)',
  'organise.tabs.stage': 'Scène',
  'organise.manageEdition': 'Gérer l’édition {year}',

  'account.title': 'Mon compte',
  'account.role': 'Rôle',
  'account.sessions': 'Où vous êtes connecté·e',
  'account.sessionsHelp': 'Tablette perdue ou ordinateur partagé ? Déconnectez cet appareil ici.',
  'account.device': 'Appareil',
  'account.lastSeen': 'Dernière activité',
  'account.actions': 'Actions',
  'account.unknownDevice': 'Appareil inconnu',
  'account.deviceOn': '{browser} sur {system}',
  'account.unknownBrowser': 'Un navigateur',
  'account.thisDevice': 'cet appareil',
  'account.revoke': 'Déconnecter cet appareil',
  'account.revokeFailed': 'Cette session est introuvable ; elle a peut-être déjà pris fin.',
};

type FeatureKey =
  | keyof typeof applicationsMessages.en
  | keyof typeof feedbackMessages.en
  | keyof typeof judgingMessages.en
  | keyof typeof mailMessages.en
  | keyof typeof recoveryMessages.en
  | keyof typeof layoutMessages.en
  | keyof typeof menuMessages.en
  | keyof typeof resultsMessages.en
  | keyof typeof scoringMessages.en
  | keyof typeof stageMessages.en
  | keyof typeof editionsMessages.en;

export const fr: Record<MessageKey, string> = {
  ...core,
  ...menuMessages.fr,
  ...layoutMessages.fr,
  ...applicationsMessages.fr,
  ...feedbackMessages.fr,
  ...judgingMessages.fr,
  ...mailMessages.fr,
  ...recoveryMessages.fr,
  ...resultsMessages.fr,
  ...scoringMessages.fr,
  ...stageMessages.fr,
  ...editionsMessages.fr,
};
