<?xml version="1.0" encoding="UTF-8"?>
<!-- The grundsteuer letter of layouts/letters/grundsteuer.toml as XSL-FO, for
     the composition benchmark (tools/bench compose): the same DIN 5008 form B
     sheet, texts, table and footer, from the records as XML
     (kuvert-sample-job - -xml). One page sequence per letter, numbered
     "Seite x von y". The client is Musterstadt's, as in layouts/clients.toml. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:fo="http://www.w3.org/1999/XSL/Format">
  <xsl:decimal-format name="de" decimal-separator="," grouping-separator="."/>
  <!-- The client's logo: a file URL (tools/bench passes layouts/logos/musterstadt.png). -->
  <xsl:param name="logo"/>

  <xsl:template name="money">
    <xsl:param name="value"/>
    <xsl:value-of select="format-number($value, '#.##0,00', 'de')"/>
    <xsl:text>&#160;€</xsl:text>
  </xsl:template>

  <xsl:template name="date">
    <xsl:param name="iso"/>
    <xsl:value-of select="concat(substring($iso, 9, 2), '.', substring($iso, 6, 2), '.', substring($iso, 1, 4))"/>
  </xsl:template>

  <xsl:template match="/records">
    <fo:root font-family="Liberation Sans" font-size="10pt" line-height="1.3">
      <fo:layout-master-set>
        <fo:simple-page-master master-name="first" page-width="210mm" page-height="297mm"
                               margin-top="0mm" margin-bottom="0mm" margin-left="25mm" margin-right="20mm">
          <fo:region-body margin-top="98.5mm" margin-bottom="40mm"/>
          <fo:region-before region-name="head-first" extent="98mm"/>
          <fo:region-after region-name="foot" extent="40mm"/>
        </fo:simple-page-master>
        <fo:simple-page-master master-name="rest" page-width="210mm" page-height="297mm"
                               margin-top="0mm" margin-bottom="0mm" margin-left="25mm" margin-right="20mm">
          <fo:region-body margin-top="20mm" margin-bottom="40mm"/>
          <fo:region-before region-name="head-rest" extent="18mm"/>
          <fo:region-after region-name="foot" extent="40mm"/>
        </fo:simple-page-master>
        <fo:page-sequence-master master-name="letter">
          <fo:single-page-master-reference master-reference="first"/>
          <fo:repeatable-page-master-reference master-reference="rest"/>
        </fo:page-sequence-master>
      </fo:layout-master-set>
      <xsl:apply-templates select="record"/>
    </fo:root>
  </xsl:template>

  <xsl:template match="record">
    <fo:page-sequence master-reference="letter" initial-page-number="1" force-page-count="no-force" id="{id}">
      <fo:static-content flow-name="head-first">
        <fo:block-container absolute-position="absolute" top="10mm" left="0mm" width="165mm">
          <fo:block font-size="14pt" font-weight="bold">Stadt Musterstadt</fo:block>
          <fo:block font-size="8.5pt">Der Bürgermeister · Steueramt</fo:block>
          <fo:block font-size="8.5pt">Rathausplatz 1 · 39999 Musterstadt</fo:block>
        </fo:block-container>
        <fo:block-container absolute-position="absolute" top="10mm" left="140mm" width="25mm">
          <fo:block line-height="0"><fo:external-graphic src="url('{$logo}')" content-width="25mm" content-height="25mm"/></fo:block>
        </fo:block-container>
        <fo:block-container absolute-position="absolute" top="57mm" left="0mm" width="80mm">
          <fo:block font-size="8pt">Stadt Musterstadt · Rathausplatz 1 · 39999 Musterstadt</fo:block>
        </fo:block-container>
        <fo:block-container absolute-position="absolute" top="63.7mm" left="0mm" width="80mm" height="27.3mm">
          <xsl:for-each select="recipient/name/line"><fo:block line-height="1.2"><xsl:value-of select="."/></fo:block></xsl:for-each>
          <fo:block line-height="1.2"><xsl:value-of select="recipient/street"/></fo:block>
          <fo:block line-height="1.2"><xsl:value-of select="concat(recipient/postcode, ' ', recipient/city)"/></fo:block>
        </fo:block-container>
        <fo:block-container absolute-position="absolute" top="50mm" left="100mm" width="75mm">
          <fo:table table-layout="fixed" width="75mm">
            <fo:table-column column-width="32mm"/>
            <fo:table-column column-width="43mm"/>
            <fo:table-body>
              <fo:table-row><fo:table-cell><fo:block font-size="8pt">Datum</fo:block></fo:table-cell>
                <fo:table-cell><fo:block font-size="9pt"><xsl:call-template name="date"><xsl:with-param name="iso" select="date"/></xsl:call-template></fo:block></fo:table-cell></fo:table-row>
              <fo:table-row><fo:table-cell><fo:block font-size="8pt">Kassenzeichen</fo:block></fo:table-cell>
                <fo:table-cell><fo:block font-size="9pt"><xsl:value-of select="reference"/></fo:block></fo:table-cell></fo:table-row>
              <fo:table-row><fo:table-cell><fo:block font-size="8pt">Bescheid-Nr.</fo:block></fo:table-cell>
                <fo:table-cell><fo:block font-size="9pt"><xsl:value-of select="id"/></fo:block></fo:table-cell></fo:table-row>
            </fo:table-body>
          </fo:table>
          <fo:block font-size="8pt" space-before="2mm">Telefon 03999 123-0</fo:block>
          <fo:block font-size="8pt">steueramt@musterstadt.example</fo:block>
        </fo:block-container>
        <fo:block-container absolute-position="absolute" top="105mm" left="-22mm" width="5mm">
          <fo:block><fo:leader leader-pattern="rule" leader-length="5mm" rule-thickness="0.3pt"/></fo:block>
        </fo:block-container>
        <fo:block-container absolute-position="absolute" top="148.5mm" left="-22mm" width="7mm">
          <fo:block><fo:leader leader-pattern="rule" leader-length="7mm" rule-thickness="0.3pt"/></fo:block>
        </fo:block-container>
      </fo:static-content>
      <fo:static-content flow-name="head-rest">
        <fo:block font-size="8pt" padding-top="9mm">Stadt Musterstadt · <xsl:value-of select="recipient/name/line[last()]"/> · <xsl:value-of select="id"/></fo:block>
      </fo:static-content>
      <fo:static-content flow-name="foot">
        <fo:block font-size="8pt" text-align="end" padding-top="2mm">Seite <fo:page-number/> von <fo:page-number-citation-last ref-id="{id}"/></fo:block>
        <fo:block font-size="7.5pt" space-before="17mm">Stadtsparkasse Musterstadt · IBAN DE02 1203 0000 0000 2020 51 · BIC BYLADEM1001</fo:block>
      </fo:static-content>
      <fo:flow flow-name="xsl-region-body">
        <fo:block font-weight="bold">Bescheid über Grundsteuer für das Kalenderjahr <xsl:value-of select="year"/></fo:block>
        <fo:block space-before="1.3em">Sehr geehrte Damen und Herren,</fo:block>
        <fo:block space-before="1.3em">für den Grundbesitz <xsl:value-of select="property"/> wird die Grundsteuer für das Kalenderjahr <xsl:value-of select="year"/> wie folgt festgesetzt. Grundlage sind der Grundsteuermessbetrag des Finanzamts und der Hebesatz der Gemeinde.</fo:block>
        <fo:table table-layout="fixed" width="165mm" space-before="1.3em">
          <fo:table-column column-width="75mm"/>
          <fo:table-column column-width="30mm"/>
          <fo:table-column column-width="25mm"/>
          <fo:table-column column-width="35mm"/>
          <fo:table-header font-weight="bold" border-after-style="solid" border-after-width="0.5pt">
            <fo:table-row>
              <fo:table-cell padding="0 1mm"><fo:block>Bezeichnung</fo:block></fo:table-cell>
              <fo:table-cell padding="0 1mm"><fo:block text-align="end">Messbetrag</fo:block></fo:table-cell>
              <fo:table-cell padding="0 1mm"><fo:block text-align="end">Hebesatz %</fo:block></fo:table-cell>
              <fo:table-cell padding="0 1mm"><fo:block text-align="end">Betrag</fo:block></fo:table-cell>
            </fo:table-row>
          </fo:table-header>
          <fo:table-body>
            <xsl:for-each select="items/item">
              <fo:table-row>
                <fo:table-cell padding="0 1mm"><fo:block><xsl:value-of select="description"/></fo:block></fo:table-cell>
                <fo:table-cell padding="0 1mm"><fo:block text-align="end"><xsl:call-template name="money"><xsl:with-param name="value" select="base"/></xsl:call-template></fo:block></fo:table-cell>
                <fo:table-cell padding="0 1mm"><fo:block text-align="end"><xsl:value-of select="format-number(rate, '#.##0', 'de')"/></fo:block></fo:table-cell>
                <fo:table-cell padding="0 1mm"><fo:block text-align="end"><xsl:call-template name="money"><xsl:with-param name="value" select="amount"/></xsl:call-template></fo:block></fo:table-cell>
              </fo:table-row>
            </xsl:for-each>
            <fo:table-row font-weight="bold" border-before-style="solid" border-before-width="0.5pt">
              <fo:table-cell number-columns-spanned="3" padding="0 1mm"><fo:block>Festgesetzte Grundsteuer</fo:block></fo:table-cell>
              <fo:table-cell padding="0 1mm"><fo:block text-align="end"><xsl:call-template name="money"><xsl:with-param name="value" select="total"/></xsl:call-template></fo:block></fo:table-cell>
            </fo:table-row>
          </fo:table-body>
        </fo:table>
        <xsl:variable name="total"><xsl:call-template name="money"><xsl:with-param name="value" select="total"/></xsl:call-template></xsl:variable>
        <xsl:variable name="due"><xsl:call-template name="date"><xsl:with-param name="iso" select="due_date"/></xsl:call-template></xsl:variable>
        <xsl:choose>
          <xsl:when test="iban">
            <fo:block space-before="1.3em">Der Betrag von <xsl:value-of select="$total"/> wird am <xsl:value-of select="$due"/> von Ihrem Konto <xsl:value-of select="iban"/> abgebucht.</fo:block>
          </xsl:when>
          <xsl:otherwise>
            <fo:block space-before="1.3em">Bitte überweisen Sie den Betrag von <xsl:value-of select="$total"/> bis zum <xsl:value-of select="$due"/> unter Angabe des Kassenzeichens <xsl:value-of select="reference"/> auf eines der unten genannten Konten.</fo:block>
          </xsl:otherwise>
        </xsl:choose>
        <fo:block space-before="1.3em">Rechtsbehelfsbelehrung: Gegen diesen Bescheid kann innerhalb eines Monats nach Bekanntgabe Widerspruch erhoben werden. Der Widerspruch ist schriftlich oder zur Niederschrift bei der Stadtverwaltung einzulegen.</fo:block>
        <fo:block space-before="1.3em" keep-with-next.within-page="always">Mit freundlichen Grüßen</fo:block>
        <fo:block>Ihre Stadtkasse</fo:block>
      </fo:flow>
    </fo:page-sequence>
  </xsl:template>
</xsl:stylesheet>
