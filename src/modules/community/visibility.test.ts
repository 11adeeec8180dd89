// The forum's visibility and post rules in the one policy, as unit tests: who reads a members-only
// forum, who edits a post and reads its history, who replies, accepts and moderates. Expectations
// written by hand from the product's rules (docs/community.md), one line a case.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import {
  type Actor,
  type ForumAccess,
  forumCan,
  type GlobalRole,
  postCan,
  type SpaceAccess,
  type SpaceRole,
  topicCan,
} from '../../kernel/policy.ts'

const person = (id: string, role: GlobalRole): Actor => ({
  id,
  email: `${id}@example.pl`,
  name: id,
  role,
  sessionId: 's',
  ip: null,
})
const space = (role: SpaceRole | null, secretaryId: string | null = 'sylwia'): SpaceAccess => ({
  isPublic: true,
  secretaryId,
  role,
})
const open: ForumAccess = { space: null }
const members = (role: SpaceRole | null, secretaryId?: string | null): ForumAccess => ({
  space: space(role, secretaryId),
})

test('an open forum is read by everyone; a members-only forum by those who read its space', () => {
  const cases: [string, Actor | null, ForumAccess, boolean][] = [
    ['a visitor, open forum', null, open, true],
    ['a community member, open forum', person('anna', 'community_member'), open, true],
    ['a visitor, members-only forum', null, members(null), false],
    ['a member seated in the space', person('celina', 'member'), members('member'), true],
    ['a guest expert while invited', person('edward', 'expert'), members('guest'), true],
    ['a member of another network only', person('piotr', 'member'), members(null), false],
    ['a community member outside', person('anna', 'community_member'), members(null), false],
    ['project staff outside', person('pawel', 'project_staff'), members(null), false],
    ['the coordinator, without a seat', person('kasia', 'coordinator'), members(null), true],
    ['the administrator, without a seat', person('adam', 'admin'), members(null), true],
    ['the managing authority, without a seat', person('iza', 'managing_authority'), members(null), true],
    ['the space’s own secretary', person('sylwia', 'secretary'), members(null, 'sylwia'), true],
    ['another network’s secretary', person('sabina', 'secretary'), members(null, 'sylwia'), false],
  ]
  for (const [who, actor, forum, expected] of cases) assert.equal(forumCan(actor, forum), expected, who)
})

test('a post is edited by its author while it is visible and its topic open, and by moderators; its history by moderators', () => {
  const post = { authorId: 'celina', hidden: false, locked: false }
  const cases: [string, Actor, typeof post, boolean, boolean][] = [
    // who, actor, post, may edit, may read the history
    ['its author', person('celina', 'member'), post, true, false],
    ['its author, the topic locked', person('celina', 'member'), { ...post, locked: true }, false, false],
    ['its author, the post hidden', person('celina', 'member'), { ...post, hidden: true }, false, false],
    ['another member', person('piotr', 'member'), post, false, false],
    ['an expert who did not write it', person('edward', 'expert'), post, false, false],
    ['a network secretary', person('sylwia', 'secretary'), post, false, false],
    ['the coordinator', person('kasia', 'coordinator'), { ...post, hidden: true, locked: true }, true, true],
    ['the administrator', person('adam', 'admin'), post, true, true],
  ]
  for (const [who, actor, p, edit, history] of cases) {
    assert.equal(postCan(actor, 'post.edit', p), edit, `${who}: edit`)
    assert.equal(postCan(actor, 'post.history', p), history, `${who}: history`)
  }
})

test('a topic: replies while open (moderators always), its answer accepted by the asker or a moderator', () => {
  const topic = { authorId: 'pawel', locked: false }
  const asker = person('pawel', 'project_staff')
  const other = person('celina', 'member')
  const moderator = person('kasia', 'coordinator')
  assert.equal(topicCan(null, 'topic.reply', topic), false, 'a visitor signs in first')
  assert.equal(topicCan(other, 'topic.reply', topic), true)
  assert.equal(topicCan(other, 'topic.reply', { ...topic, locked: true }), false)
  assert.equal(topicCan(moderator, 'topic.reply', { ...topic, locked: true }), true)
  assert.equal(topicCan(asker, 'topic.accept', topic), true)
  assert.equal(topicCan(other, 'topic.accept', topic), false)
  assert.equal(topicCan(moderator, 'topic.accept', topic), true)
  assert.equal(topicCan(asker, 'topic.moderate', topic), false)
  assert.equal(topicCan(person('sylwia', 'secretary'), 'topic.moderate', topic), false)
  assert.equal(topicCan(moderator, 'topic.moderate', topic), true)
})
