// A titled card: a section named by its heading, for screen readers as for the eye.
import type { ComponentChildren } from 'preact';

export function Card(props: { id: string; title: ComponentChildren; wide?: boolean; class?: string; children: ComponentChildren }) {
  const classes = ['card', props.wide ? 'wide' : '', props.class ?? ''].filter(Boolean).join(' ');
  return (
    <section class={classes} aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      {props.children}
    </section>
  );
}
