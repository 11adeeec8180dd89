// The open forums' longer conversations, by the forum's Polish name: a few hundred posts in Polish
// and English over the last ten months, questions answered and waiting (the demo's bulk, beside
// the hand-picked topics in demo.ts).
import type { DemoTopic } from './demo-moments.ts'
import { budgetTopics } from './demo-threads-budget.ts'
import { cooperationTopics } from './demo-threads-cooperation.ts'
import { socialEconomyTopics } from './demo-threads-social.ts'

export const moreTopics: Record<string, readonly DemoTopic[]> = {
  'Współpraca ponadnarodowa': cooperationTopics,
  'Budżet i rozliczanie projektów EFS': budgetTopics,
  'Ekonomia społeczna': socialEconomyTopics,
}
