import { Link } from '@remix-run/react'
import type { ReactNode } from 'react'

/**
 * One group of to-dos on the dashboard: a heading with its count and a list of lines, each
 * linking to where it is handled. An empty group is not shown — the dashboard says once that
 * nothing waits.
 */
export function TodoGroup({ id, title, items, more }: { id: string; title: string; items: { key: string; to: string; label: ReactNode; detail?: ReactNode }[]; more?: { to: string; label: string } }) {
  if (items.length === 0) return null
  return (
    <section className="todo-group" aria-labelledby={`todo-${id}`} data-todo={id}>
      <h3 id={`todo-${id}`}>{title}</h3>
      <ul className="todo-list">
        {items.map((item) => (
          <li key={item.key}>
            <Link to={item.to}>{item.label}</Link>
            {item.detail ? <div className="todo-list__detail">{item.detail}</div> : null}
          </li>
        ))}
      </ul>
      {more ? (
        <p>
          <Link to={more.to}>{more.label}</Link>
        </p>
      ) : null}
    </section>
  )
}
