namespace Site.PostProcessing;

/// <summary>The text under one heading; the first section of a page has no heading (its introduction, anchor "").</summary>
internal sealed record SearchSection(string Heading, string Anchor, string Text);
