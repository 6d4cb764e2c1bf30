export default function ComposePage() {
  return <div className="page">Compose</div>;
}
