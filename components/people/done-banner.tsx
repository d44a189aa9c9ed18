/** What the last form did, after its redirect (`?done=`): a success, in words. */
export function DoneBanner({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p role="status" data-testid="done" className="mt-6 max-w-prose border-l-8 border-[#00703c] bg-surface p-4 font-bold">
      {message}
    </p>
  );
}
