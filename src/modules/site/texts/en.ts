import type { Translation } from '../../../kernel/i18n.ts'
import type { pl } from './pl.ts'

export const en: Translation<typeof pl> = {
  site: {
    start: {
      title: 'Dashboard',
      nothing:
        'Nothing waits for you now: no meetings to confirm, no minutes to comment on and no open action items.',
      urgent: 'Urgent',
    },
    home: {
      title: 'Siatka',
      lead: 'The platform of the national thematic networks secretariat, communities of practice and partnership projects funded by the European Social Fund.',
      welcome: 'Welcome, {{name}}.',
      networks: {
        title: 'Networks and bodies',
        text: 'Composition of thematic networks, meetings, materials, minutes and decisions, in one place.',
      },
      projects: {
        title: 'Projects and results',
        text: 'Partnership projects, their indicators, and results validated and mainstreamed into practice.',
      },
      community: {
        title: 'Community',
        text: 'Forum, partner search for transnational cooperation, events and the newsletter.',
      },
    },
    cookies: {
      title: 'Cookies',
      intro:
        'Siatka stores only the cookies the service needs to work. They need no consent, but you have the right to know what they are.',
      noTracking: 'We use no analytics, advertising or third-party cookies.',
      tableCaption: 'Cookies set by Siatka',
      name: 'Name',
      purpose: 'What it is for',
      lifetime: 'How long',
      purposes: {
        session: 'Keeps you signed in. Set when you sign in.',
        csrf: 'Protects forms from being sent from another site (CSRF protection).',
        lang: 'Remembers the language you chose.',
        prefs: 'Remembers the text size and contrast you chose.',
        notice: 'Remembers that you hid the cookie message.',
        flash: 'Carries a one-time message (like “Saved”) to the next page.',
      },
      lifetimes: {
        days14: '14 days or until you sign out',
        browser: 'Until you close the browser',
        year: '1 year',
        minute: '1 minute',
      },
    },
    accessibility: {
      title: 'Accessibility statement',
      intro:
        'We work to make Siatka accessible under the Polish Act of 4 April 2019 on the digital accessibility of websites and mobile applications of public bodies.',
      statusTitle: 'Compliance status',
      status:
        'The service conforms to WCAG 2.1 level AA; every page is checked automatically against WCAG 2.2 AA in both languages and in high-contrast mode.',
      featuresTitle: 'Accessibility features',
      features: {
        keyboard:
          'Everything works with a keyboard; the “Skip to main content” link comes first on every page.',
        text: '“Text size: Larger” enlarges the text on every page.',
        contrast: '“Contrast: High” switches on the high-contrast mode.',
        noJs: 'Everything works without JavaScript.',
      },
      contactTitle: 'Feedback and contact',
      contact:
        'If you find an accessibility problem, write to the secretariat. We will answer within 7 days.',
    },
  },
}
