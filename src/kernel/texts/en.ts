import type { Translation } from '../i18n.ts'
import type { pl } from './pl.ts'

export const en: Translation<typeof pl> = {
  layout: {
    description:
      'Siatka: the platform of the secretariat of national thematic networks, communities of practice and European Social Fund partnership projects.',
    warning: 'Warning',
    skipLink: 'Skip to main content',
    signIn: 'Sign in',
    signOut: 'Sign out',
    groups: {
      start: 'Dashboard',
      spaces: 'Networks and bodies',
      meetings: 'Meetings',
      documents: 'Documents',
      projects: 'Projects',
      community: 'Community',
      events: 'Events',
      admin: 'Administration',
    },
    nav: {
      label: 'Main menu',
      menu: 'Menu',
      start: 'Dashboard',
      home: 'Home',
      people: 'People',
      organisations: 'Organisations',
      audit: 'Audit log',
      spaces: 'Networks and bodies',
      directory: 'Member directory',
      authority: 'Awaiting decision',
      calendar: 'Calendar',
      decisions: 'Decisions',
      actions: 'Action items',
      translations: 'Translations',
      analyses: 'Analyses',
      myAnalyses: 'My analyses',
      projects: 'Projects',
      projectsAnalysis: 'Thematic analysis',
      projectsTaxonomy: 'Programmes and themes',
      projectsGroups: 'Partnership groups',
      projectsMarks: 'Funding marks',
      projectsRegions: 'Regions (TERYT)',
    },
    notifications: 'Notifications',
    unread: 'unread: {{count}}',
    a11y: {
      textSize: 'Text size:',
      textNormal: 'Normal',
      textLarge: 'Larger',
      contrast: 'Contrast:',
      contrastNormal: 'Normal',
      contrastHigh: 'High',
      language: 'Language:',
    },
    cookies: {
      label: 'Cookies on Siatka',
      text: 'Siatka uses only strictly necessary cookies: to keep you signed in, to protect forms and to remember your settings (language, text size, contrast). We do not track you and use no advertising or analytics cookies.',
      hide: 'OK, hide this message',
      more: 'Which cookies we set',
    },
    footer: {
      heading: 'About this service',
      cookies: 'Cookies',
      accessibility: 'Accessibility statement',
      about:
        'Siatka – the platform for secretariats of thematic networks, communities of practice and partnership projects.',
    },
  },
  forms: {
    errorSummary: 'There is a problem',
    errorPrefix: 'Error',
    save: 'Save',
    search: 'Search',
    filter: 'Filter',
  },
  pagination: {
    label: 'Pagination',
    previous: 'Previous page',
    next: 'Next page',
    page: 'Page {{number}}',
  },
  errors: {
    required: 'This field is required',
    tooLong: 'Enter {{max}} characters or fewer',
    email: 'Enter an email address in the correct format, like name@example.com',
    choose: 'Select one of the options',
    money: 'Enter an amount in złoty, for example 6 791 950,00 (at most two decimal places)',
    date: 'Enter a date as YYYY-MM-DD, for example 2026-05-10',
    pages: {
      home: 'Go to the home page',
      badRequest: {
        title: 'The request could not be processed',
        text: 'The data sent was not in the expected form. Go back to the previous page and try again.',
      },
      forbidden: {
        title: 'Access denied',
        text: 'You do not have permission to see this page. If you think this is a mistake, contact the secretariat.',
      },
      notFound: {
        title: 'Page not found',
        text: 'Check that the address is correct. The page may have been moved or removed.',
      },
      rule: {
        title: 'This cannot be done',
        text: 'The operation breaks a rule of the service. Go back to the previous page.',
      },
      tooMany: {
        title: 'Too many attempts',
        text: 'For your security we have paused further attempts for a while. Try again in a few minutes.',
      },
      server: {
        title: 'Sorry, there is a problem with the service',
        text: 'Something went wrong on our side. Your data has not been lost. Try again in a moment.',
      },
      csrf: {
        title: 'The form has expired',
        text: 'For security, the form was valid only for a while or was sent from somewhere else. Go back to the previous page, reload it and send the form again.',
      },
    },
  },
  storage: {
    fileMissing: 'Choose a file',
    oneFile: 'Choose one file',
    tooLarge: 'The file is too large. Choose a file smaller than 25 MB',
    typeNotAllowed:
      'This kind of file is not accepted. Choose a PDF, DOCX, ODT, XLSX, ODS, PPTX, ODP, PNG, JPG or WEBP',
    typeMismatch: 'The file’s content does not match its extension. Check that it is the right file',
  },
  roles: {
    admin: 'Administrator',
    coordinator: 'Secretariat coordinator',
    secretary: 'Network secretary',
    managing_authority: 'Managing authority',
    member: 'Member',
    expert: 'Expert',
    project_staff: 'Project staff',
    community_member: 'Community member',
  },
  mail: {
    footer: 'This message was sent automatically by Siatka. Please do not reply.',
  },
}
