import { z } from 'zod'

const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((v) => !Number.isNaN(Date.parse(v)))

export const AuditQuery = z.object({
  person: z.string().trim().max(254).catch('').default(''),
  action: z.string().trim().max(100).catch('').default(''),
  from: z
    .union([isoDate, z.literal('')])
    .catch('')
    .default(''),
  to: z
    .union([isoDate, z.literal('')])
    .catch('')
    .default(''),
})
export type AuditQuery = z.infer<typeof AuditQuery>
