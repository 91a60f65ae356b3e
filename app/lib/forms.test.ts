import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { parseWithSchema } from './forms'

const schema = z.object({ name: z.string(), note: z.string().optional() })

describe('the text policy of parseWithSchema', () => {
  it('refuses NUL, other C0 controls, DEL, C1 controls, ANSI escapes and half surrogate pairs', () => {
    for (const name of ['a\u0000b', 'a\u0007b', 'a\u007fb', 'a\u0085b', 'a\u009bb', '\u001b[31mrood', 'a\ud800b', '\udc00']) {
      expect(parseWithSchema(schema, { name }), JSON.stringify(name)).toEqual({ success: false, fieldErrors: { name: { key: 'errors.controlCharacters' } } })
    }
  })

  it('refuses bidi overrides and isolates, which make a name read as something else', () => {
    for (const name of ['invoice\u202Efdp.exe', '\u202Aleft', '\u2066isolated\u2069', 'x\u2068y']) {
      expect(parseWithSchema(schema, { name }).success, JSON.stringify(name)).toBe(false)
    }
  })

  it('keeps what people do type: line breaks and tabs, Arabic with its direction marks, emoji, accents', () => {
    for (const name of ['Regel 1\nRegel 2\r\n\tinspringing', 'سمير\u200F (Samir)', 'Ahmed \u200Eالعلي', '👍 Zoë Ça', 'ﷺ', '\u061Cفارسی']) {
      expect(parseWithSchema(schema, { name }), JSON.stringify(name)).toEqual({ success: true, data: { name } })
    }
  })

  it('finds the field in nested input and in keys', () => {
    expect(parseWithSchema(z.object({ list: z.array(z.object({ v: z.string() })) }), { list: [{ v: 'ok' }, { v: 'b\u202Ed' }] })).toEqual({
      success: false,
      fieldErrors: { 'list.1.v': { key: 'errors.controlCharacters' } },
    })
  })
})
