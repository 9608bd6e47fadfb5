return await Site.Cli.SiteCli.RunAsync(args, Console.Out, Console.Error);
