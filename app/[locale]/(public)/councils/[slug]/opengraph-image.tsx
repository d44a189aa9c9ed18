import { hasLocale } from 'next-intl';
import { getTranslations } from 'next-intl/server';
import { ImageResponse } from 'next/og';
import { connection } from 'next/server';
import { getDb } from '@/db/client';
import { routing } from '@/i18n/routing';
import { OG_FONT_FAMILY, ogFonts } from '@/lib/og/fonts';
import { sentenceStart } from '@/lib/places/unnamed-place';
import { getCouncilPage } from '@/lib/ties/council-page';

/** The picture a link to a council page shows when shared: the council, its ties in force, and their status. */
export const size = { width: 1200, height: 630 };
export const contentType = 'image/png';
export const alt = 'The council, its twin and partner ties with municipalities of Russia and Belarus, and their status';

type Props = { params: Promise<{ locale: string; slug: string }> };

const SHOWN = 5;

export default async function CouncilOgImage({ params }: Props) {
  const { locale: raw, slug } = await params;
  const locale = hasLocale(routing.locales, raw) ? raw : routing.defaultLocale;
  await connection();
  const [page, t, ts, tm, fonts] = await Promise.all([
    getCouncilPage(await getDb(), slug, { locale }),
    getTranslations({ locale, namespace: 'Council' }),
    getTranslations({ locale, namespace: 'TieStatus' }),
    getTranslations({ locale, namespace: 'Metadata' }),
    ogFonts(),
  ]);
  const title = page ? (page.council.name?.text ?? t('councilOf', { place: page.place.name })) : t('notFoundTitle');
  const ties = page?.ties ?? [];
  return new ImageResponse(
    (
      <div style={{ display: 'flex', flexDirection: 'column', width: '100%', height: '100%', padding: 64, background: '#ffffff', color: '#0b0c0c', fontFamily: OG_FONT_FAMILY }}>
        <div style={{ display: 'flex', fontSize: 28, fontWeight: 700, borderBottom: '8px solid #0b0c0c', paddingBottom: 16 }}>{tm('siteName')}</div>
        <div style={{ display: 'flex', fontSize: 64, fontWeight: 700, marginTop: 32, lineHeight: 1.1 }}>{title}</div>
        {page ? (
          <div style={{ display: 'flex', fontSize: 32, marginTop: 16 }}>
            {/* In force is never one figure: confirmed and only listed apart (lib/ties/figures.ts). */}
            {`${page.place.name}, ${page.place.country.name} · ${t('ogConfirmed', { count: page.figures.confirmedInForce })} · ${t('ogListed', { count: page.figures.listedNotConfirmed })}`}
          </div>
        ) : null}
        <div style={{ display: 'flex', flexDirection: 'column', marginTop: 32, gap: 12 }}>
          {ties.slice(0, SHOWN).map((tie) => (
            <div key={tie.id} style={{ display: 'flex', fontSize: 30, alignItems: 'center' }}>
              <div
                style={{
                  display: 'flex',
                  border: tie.inForce ? '4px solid #0b0c0c' : '4px dashed #505a5f',
                  color: tie.inForce ? '#0b0c0c' : '#505a5f',
                  fontWeight: tie.inForce ? 700 : 400,
                  padding: '0 10px',
                  marginRight: 20,
                }}
              >
                {ts(tie.status)}
              </div>
              {tie.partner.unnamed ? sentenceStart(tie.partner.name) : tie.partner.name}
            </div>
          ))}
          {ties.length > SHOWN ? <div style={{ display: 'flex', fontSize: 26, color: '#505a5f' }}>{t('ogMore', { count: ties.length - SHOWN })}</div> : null}
        </div>
      </div>
    ),
    { ...size, fonts },
  );
}
