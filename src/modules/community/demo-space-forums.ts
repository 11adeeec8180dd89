// The demo's members-only forums: one in each thematic network, where its members talk over what
// they will bring to the next meeting. Written by the network's own members and its secretary.
import { today } from '../../kernel/dates.ts'
import { currentOn, membershipRows, spaceRows } from '../spaces/index.ts'
import type { Db } from './db.ts'
import { momentOf } from './demo-moments.ts'

interface SpacePost {
  /** The n-th of the network's voting members (by name), or its secretary. */
  by: number | 'secretary'
  ago: number
  hour: number
  body: string
}

/** A network's forum topics, on its theme. */
const topics = (theme: string): { title: string; question: boolean; posts: SpacePost[] }[] => [
  {
    title: 'Uwagi do materiałów przed najbliższym posiedzeniem',
    question: false,
    posts: [
      {
        by: 'secretary',
        ago: 9,
        hour: 10,
        body: `Materiały na posiedzenie są już w przestrzeni sieci. Proszę o uwagi do projektu rekomendacji (${theme}) do piątku – zbiorę je w jednej tabeli.`,
      },
      {
        by: 0,
        ago: 8,
        hour: 13,
        body: 'W punkcie 3 brakuje danych za ostatni kwartał. Czy możemy je uzupełnić z raportu instytucji pośredniczącej?',
      },
      {
        by: 'secretary',
        ago: 7,
        hour: 9,
        body: 'Tak, dane uzupełnię przed wysyłką. Dziękuję za uwagę.',
      },
    ],
  },
  {
    title: 'Które dobre praktyki zgłaszamy do katalogu rezultatów?',
    question: true,
    posts: [
      {
        by: 1,
        ago: 4,
        hour: 11,
        body: 'Mamy trzy projekty do rozważenia. Proponuję, żeby każdy z nas wskazał jeden, który zna z bliska, z krótkim uzasadnieniem.',
      },
    ],
  },
]

export async function seedSpaceForums(db: Db, createdBy: string) {
  const networks = await spaceRows(db).where('type', '=', 'thematic_network').orderBy('name_pl').execute()
  for (const [i, network] of networks.entries()) {
    const members = await db
      .selectFrom(membershipRows(db).as('m'))
      .innerJoin('people as p', 'p.id', 'm.person_id')
      .select('p.id')
      .where('m.space_id', '=', network.id)
      .where('m.role', 'in', ['chair', 'vice_chair', 'member'])
      .where(currentOn(today()))
      .orderBy('p.name')
      .limit(2)
      .execute()
    const secretary = network.secretary_id ?? createdBy
    const author = (by: number | 'secretary') =>
      by === 'secretary' ? secretary : ((members[by] ?? members[0])?.id ?? secretary)
    const forum = await db
      .insertInto('community_forums')
      .values({
        name_pl: `Forum członków: ${network.name_pl}`,
        name_en: `Members’ forum: ${network.name_en || network.name_pl}`,
        description_pl:
          'Rozmowy członków sieci między posiedzeniami. Czytają je tylko osoby z przestrzeni sieci.',
        description_en:
          'The network members’ talk between meetings. Only people in the network’s space read it.',
        space_id: network.id,
        position: 100 + i,
        created_by: createdBy,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    for (const topic of topics(network.theme_pl.toLowerCase())) {
      const first = topic.posts[0]
      const last = topic.posts[topic.posts.length - 1]
      if (!first || !last) continue
      const row = await db
        .insertInto('community_topics')
        .values({
          forum_id: forum.id,
          title: topic.title,
          lang: 'pl',
          is_question: topic.question,
          author_id: author(first.by),
          created_at: momentOf(first.ago + i, first.hour),
          last_post_at: momentOf(last.ago + i, last.hour),
          post_count: topic.posts.length,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      await db
        .insertInto('community_posts')
        .values(
          topic.posts.map((p) => ({
            topic_id: row.id,
            author_id: author(p.by),
            body: p.body,
            created_at: momentOf(p.ago + i, p.hour),
          })),
        )
        .execute()
    }
  }
}
