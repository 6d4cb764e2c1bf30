/** Line icons drawn on a 24px grid; always decorative (the control around them carries the name). */
const paths: Record<string, string> = {
  home: 'M3 10.5 12 3l9 7.5V20a1 1 0 0 1-1 1h-5v-6h-6v6H4a1 1 0 0 1-1-1z',
  search: 'M10.5 3a7.5 7.5 0 1 1 0 15 7.5 7.5 0 0 1 0-15zM16 16l5 5',
  explore: 'M12 2.5a9.5 9.5 0 1 1 0 19 9.5 9.5 0 0 1 0-19zM15.5 8.5l-2 5-5 2 2-5z',
  reels: 'M3 5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2v14a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2zM3 8h18M8 3l3 5M14 3l3 5M10 12v5l4.5-2.5z',
  messages: 'M21.5 2.5 10.5 13.5M21.5 2.5l-7 19-4-8-8-4z',
  heart:
    'M12 20.5s-8.5-5-8.5-11A4.8 4.8 0 0 1 8.3 4.7c1.6 0 3 .8 3.7 2.1a4.3 4.3 0 0 1 3.7-2.1 4.8 4.8 0 0 1 4.8 4.8c0 6-8.5 11-8.5 11z',
  create: 'M4 4h16v16H4zM12 8v8M8 12h8',
  comment: 'M20.7 16.6A9 9 0 1 0 17.4 20l3.6 1z',
  share: 'M21.5 2.5 10.5 13.5M21.5 2.5l-7 19-4-8-8-4z',
  bookmark: 'M19 21l-7-6-7 6V4a1 1 0 0 1 1-1h12a1 1 0 0 1 1 1z',
  dots: 'M5 12h.01M12 12h.01M19 12h.01',
  left: 'M15 5l-7 7 7 7',
  right: 'M9 5l7 7-7 7',
  close: 'M5 5l14 14M19 5 5 19',
  grid: 'M3 3h18v18H3zM9 3v18M15 3v18M3 9h18M3 15h18',
  menu: 'M3 6h18M3 12h18M3 18h18',
  settings:
    'M12 8.5a3.5 3.5 0 1 1 0 7 3.5 3.5 0 0 1 0-7zM19.4 13.5l1.6 1.2-2 3.4-1.9-.7a7 7 0 0 1-2 1.2L14.8 21h-4l-.3-2.1a7 7 0 0 1-2-1.2l-1.9.7-2-3.4 1.6-1.2a7 7 0 0 1 0-2.3L4.6 10l2-3.4 1.9.7a7 7 0 0 1 2-1.2L10.8 3h4l.3 2.1a7 7 0 0 1 2 1.2l1.9-.7 2 3.4-1.6 1.2a7 7 0 0 1 0 2.3z',
  lock: 'M6 11h12v10H6zM8.5 11V7.5a3.5 3.5 0 0 1 7 0V11',
  archive: 'M3 4h18v4H3zM5 8v12h14V8M10 12h4',
  photo: 'M3 5h18v14H3zM3 16l5-5 4 4 3-3 6 6M15.5 8.5h.01',
  user: 'M12 12a4.5 4.5 0 1 0 0-9 4.5 4.5 0 0 0 0 9zM3.5 21a8.5 8.5 0 0 1 17 0',
  pin: 'M12 21.5s-7-6.2-7-11.5a7 7 0 0 1 14 0c0 5.3-7 11.5-7 11.5zM12 7.5a2.5 2.5 0 1 1 0 5 2.5 2.5 0 0 1 0-5z',
};

export type IconName = keyof typeof paths;

export function Icon({ name, size = 24, filled = false, strokeWidth = 1.8 }: { name: IconName; size?: number; filled?: boolean; strokeWidth?: number }) {
  const isDots = name === 'dots';
  return (
    <svg
      className="icon"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill={filled ? 'currentColor' : 'none'}
      stroke="currentColor"
      strokeWidth={isDots ? 3 : strokeWidth}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={paths[name]} />
    </svg>
  );
}
