export function Logo({ size = 28 }: { size?: number }) {
  return (
    <span className="logo" style={{ fontSize: size }} aria-hidden="true">
      Pictor
    </span>
  );
}
