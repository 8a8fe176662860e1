/**
 * A finalist's logo when it may be shown to anyone (consent to publication, and a file the file
 * route serves publicly), otherwise a monogram: never a broken image on the projector.
 */
export function monogramOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length >= 2 ? words[0][0] + words[1][0] : (words[0] ?? '?').slice(0, 2);
  return letters.toUpperCase();
}

export function StageLogo({ name, logoUrl, className = '' }: { name: string; logoUrl: string | null; className?: string }) {
  if (logoUrl) return <img src={logoUrl} alt="" className={`stage-logo ${className}`} />;
  return (
    <span className={`stage-logo stage-logo--monogram ${className}`} aria-hidden="true">
      {monogramOf(name)}
    </span>
  );
}
